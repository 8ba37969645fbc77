package io.tlscompat.agent.instrument;

import io.tlscompat.agent.bootstrap.TlsCompatHooks;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Adds a catch-all handler, last in the exception table, that passes the exception (first) and some values of
 * {@code this} to one static call and rethrows it unchanged: used for {@code TransportContext.fatal}, which always
 * leaves by a throw. The handler's frame declares only {@code this}, which is never reassigned, so it holds whatever
 * the method does with its other locals.
 */
final class FailureCallAdapter extends MethodVisitor {
    private final String owner;
    private final String hookName;
    private final String hookDesc;
    private final EntryCallAdapter.Arg[] args;
    private final Label start = new Label();
    private final Label end = new Label();
    private final Label handler = new Label();

    FailureCallAdapter(MethodVisitor next, String owner, String hookName, String hookDesc,
            EntryCallAdapter.Arg... args) {
        super(AsmSupport.API, next);
        this.owner = owner;
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
        super.visitFrame(Opcodes.F_NEW, 1, new Object[] {owner}, 1, new Object[] {"java/lang/Throwable"});
        super.visitInsn(Opcodes.DUP);
        EntryCallAdapter.Arg.loadAll(mv, args);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, TlsCompatHooks.INTERNAL_NAME, hookName, hookDesc, false);
        super.visitInsn(Opcodes.ATHROW);
        super.visitMaxs(maxStack, maxLocals);
    }
}
