package io.tlscompat.agent.instrument;

import io.tlscompat.agent.bootstrap.TlsCompatHooks;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Wraps {@code SSLSocketImpl.startHandshake(boolean)}: a call on entry (with peer host and port, read by the class
 * itself because its package is not exported), a call before every {@code RETURN}, and a catch-all handler that
 * reports the exception and rethrows it unchanged. The handler is added last in the exception table (in
 * {@link #visitMaxs}) so the method's own handlers still run first.
 */
final class StartHandshakeAdapter extends MethodVisitor {
    private static final String HOOKS = TlsCompatHooks.INTERNAL_NAME;
    private final Label start = new Label();
    private final Label end = new Label();
    private final Label handler = new Label();

    StartHandshakeAdapter(MethodVisitor next) {
        super(AsmSupport.API, next);
    }

    @Override
    public void visitCode() {
        super.visitCode();
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HookTargets.SSL_SOCKET_IMPL, HookTargets.GET_PEER_HOST,
                "()Ljava/lang/String;", false);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HookTargets.SSL_SOCKET_IMPL, HookTargets.GET_PEER_PORT,
                "()I", false);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "handshakeEnter",
                "(Ljava/lang/Object;Ljava/lang/String;I)V", false);
        super.visitLabel(start);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.RETURN) {
            super.visitVarInsn(Opcodes.ALOAD, 0);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "handshakeExit", "(Ljava/lang/Object;)V", false);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitLabel(end);
        super.visitTryCatchBlock(start, end, handler, null);
        super.visitLabel(handler);
        // Only the parameters are certain at the handler; they are never reassigned in startHandshake(boolean).
        super.visitFrame(Opcodes.F_NEW, 2, new Object[] {HookTargets.SSL_SOCKET_IMPL, Opcodes.INTEGER},
                1, new Object[] {"java/lang/Throwable"});
        super.visitInsn(Opcodes.DUP);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "handshakeFailed",
                "(Ljava/lang/Throwable;Ljava/lang/Object;)V", false);
        super.visitInsn(Opcodes.ATHROW);
        super.visitMaxs(maxStack, maxLocals);
    }
}
