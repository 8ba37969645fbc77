package io.tlscompat.agent.instrument;

import io.tlscompat.agent.bootstrap.TlsCompatHooks;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Adds a catch-all handler to mssql-jdbc's {@code prelogin(String host, int port)} that reports the exception with
 * the connection, host and port, then rethrows it unchanged: failures that happen before any TLS (encryption not
 * supported, a strict-only server resetting a plain PRELOGIN) have no handshake to record otherwise.
 */
final class PreloginFailureAdapter extends MethodVisitor {
    private final String owner;
    private final Label start = new Label();
    private final Label end = new Label();
    private final Label handler = new Label();

    PreloginFailureAdapter(MethodVisitor next, String owner) {
        super(AsmSupport.API, next);
        this.owner = owner;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        super.visitLabel(start);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitLabel(end);
        super.visitTryCatchBlock(start, end, handler, null);
        super.visitLabel(handler);
        super.visitFrame(Opcodes.F_NEW, 3, new Object[] {owner, "java/lang/String", Opcodes.INTEGER},
                1, new Object[] {"java/lang/Throwable"});
        super.visitInsn(Opcodes.DUP);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitVarInsn(Opcodes.ALOAD, 1);
        super.visitVarInsn(Opcodes.ILOAD, 2);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, TlsCompatHooks.INTERNAL_NAME, "preloginFailed",
                "(Ljava/lang/Throwable;Ljava/lang/Object;Ljava/lang/String;I)V", false);
        super.visitInsn(Opcodes.ATHROW);
        super.visitMaxs(maxStack, maxLocals);
    }
}
