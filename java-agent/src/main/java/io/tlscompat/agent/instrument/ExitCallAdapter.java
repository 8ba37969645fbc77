package io.tlscompat.agent.instrument;

import io.tlscompat.agent.bootstrap.TlsCompatHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Inserts one static call before every normal return (used for {@code TransportContext.finishHandshake}); the
 * return value stays on the stack untouched below the call's arguments, so no frame changes. With
 * {@code passReturned} a copy of the (reference) return value is the call's first argument.
 */
final class ExitCallAdapter extends MethodVisitor {
    private final String hookName;
    private final String hookDesc;
    private final EntryCallAdapter.Arg[] args;
    private final boolean passReturned;

    ExitCallAdapter(MethodVisitor next, String hookName, String hookDesc, EntryCallAdapter.Arg... args) {
        this(next, false, hookName, hookDesc, args);
    }

    ExitCallAdapter(MethodVisitor next, boolean passReturned, String hookName, String hookDesc,
            EntryCallAdapter.Arg... args) {
        super(AsmSupport.API, next);
        this.passReturned = passReturned;
        this.hookName = hookName;
        this.hookDesc = hookDesc;
        this.args = args;
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            if (passReturned && opcode == Opcodes.ARETURN) {
                super.visitInsn(Opcodes.DUP);
            }
            EntryCallAdapter.Arg.loadAll(mv, args);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, TlsCompatHooks.INTERNAL_NAME, hookName, hookDesc, false);
        }
        super.visitInsn(opcode);
    }
}
