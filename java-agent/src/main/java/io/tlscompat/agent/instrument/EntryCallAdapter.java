package io.tlscompat.agent.instrument;

import io.tlscompat.agent.bootstrap.TlsCompatHooks;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Inserts one static call at method entry, passing some of the method's own arguments: used for the outgoing
 * ({@code encodeHandshake}) and incoming ({@code dispatch}) handshake message hooks. Straight-line code at offset 0
 * needs no new stack map frame.
 */
final class EntryCallAdapter extends MethodVisitor {
    /** A load instruction and the local slot it reads. */
    static final class Arg {
        final int opcode;
        final int slot;

        Arg(int opcode, int slot) {
            this.opcode = opcode;
            this.slot = slot;
        }
    }

    private final String hookName;
    private final String hookDesc;
    private final Arg[] args;

    EntryCallAdapter(MethodVisitor next, String hookName, String hookDesc, Arg... args) {
        super(AsmSupport.API, next);
        this.hookName = hookName;
        this.hookDesc = hookDesc;
        this.args = args;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        for (Arg a : args) {
            super.visitVarInsn(a.opcode, a.slot);
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, TlsCompatHooks.INTERNAL_NAME, hookName, hookDesc, false);
    }
}
