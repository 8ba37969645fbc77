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
    /** A load instruction, the local slot it reads, then optionally a chain of fields read from that value. */
    static final class Arg {
        final int opcode;
        final int slot;
        /** owner, name, descriptor triples for GETFIELD, applied in order. */
        final String[] fields;

        Arg(int opcode, int slot, String... fields) {
            this.opcode = opcode;
            this.slot = slot;
            this.fields = fields;
        }

        /** {@code this.a.b...}: reads final fields of the JDK class itself (same package, so no access checks). */
        static Arg thisField(String... fields) {
            return new Arg(Opcodes.ALOAD, 0, fields);
        }

        void load(MethodVisitor mv) {
            mv.visitVarInsn(opcode, slot);
            for (int i = 0; i + 2 < fields.length; i += 3) {
                mv.visitFieldInsn(Opcodes.GETFIELD, fields[i], fields[i + 1], fields[i + 2]);
            }
        }

        static void loadAll(MethodVisitor mv, Arg[] args) {
            for (Arg a : args) {
                a.load(mv);
            }
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
        Arg.loadAll(mv, args);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, TlsCompatHooks.INTERNAL_NAME, hookName, hookDesc, false);
    }
}
