package io.tlscompat.agent.instrument;

import io.tlscompat.agent.bootstrap.TlsCompatHooks;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Adds a catch-all handler, last in the exception table, that passes the exception (first) and some values to one
 * static call and rethrows it unchanged: used for {@code TransportContext.fatal}, which always leaves by a throw, and
 * mssql-jdbc's {@code prelogin(String, int)}. The handler's frame declares only the locals the call reads, which the
 * method never reassigns ({@code this}, or the parameters), so it holds whatever the method does with the others.
 */
final class FailureCallAdapter extends MethodVisitor {
    private final Object[] frameLocals;
    private final String hookName;
    private final String hookDesc;
    private final EntryCallAdapter.Arg[] args;
    private final Label start = new Label();
    private final Label end = new Label();
    private final Label handler = new Label();

    /** A handler whose frame declares {@code this} only. */
    FailureCallAdapter(MethodVisitor next, String owner, String hookName, String hookDesc,
            EntryCallAdapter.Arg... args) {
        this(next, new Object[] {owner}, hookName, hookDesc, args);
    }

    /** @param frameLocals the handler frame's locals, from slot 0: every slot the arguments read */
    FailureCallAdapter(MethodVisitor next, Object[] frameLocals, String hookName, String hookDesc,
            EntryCallAdapter.Arg... args) {
        super(AsmSupport.API, next);
        this.frameLocals = frameLocals;
        this.hookName = hookName;
        this.hookDesc = hookDesc;
        this.args = args;
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
        super.visitFrame(Opcodes.F_NEW, frameLocals.length, frameLocals, 1, new Object[] {"java/lang/Throwable"});
        super.visitInsn(Opcodes.DUP);
        EntryCallAdapter.Arg.loadAll(mv, args);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, TlsCompatHooks.INTERNAL_NAME, hookName, hookDesc, false);
        super.visitInsn(Opcodes.ATHROW);
        super.visitMaxs(maxStack, maxLocals);
    }
}
