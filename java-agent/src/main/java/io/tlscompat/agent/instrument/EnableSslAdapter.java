package io.tlscompat.agent.instrument;

import io.tlscompat.agent.bootstrap.TlsCompatHooks;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Wraps mssql-jdbc's {@code TDSChannel.enableSSL(String host, int port, ...)} so the handshake that happens inside it
 * can be tagged with the connection: {@code jdbcEnter} on entry, {@code jdbcExit} on every exit (normal or by
 * exception, rethrown unchanged). {@code isTDS8} is passed when the method has that trailing boolean (11.2+).
 */
final class EnableSslAdapter extends MethodVisitor {
    private static final String HOOKS = TlsCompatHooks.INTERNAL_NAME;
    private final String owner;
    private final String descriptor;
    private final Label start = new Label();
    private final Label end = new Label();
    private final Label handler = new Label();

    private final boolean hostAndPort;

    /**
     * @param hostAndPort true for mssql-jdbc's (String host, int port, ...); false for jTDS's (String ssl), whose
     *     argument is passed in the host position and 0 as the port
     */
    EnableSslAdapter(MethodVisitor next, String owner, String descriptor, boolean hostAndPort) {
        super(AsmSupport.API, next);
        this.owner = owner;
        this.descriptor = descriptor;
        this.hostAndPort = hostAndPort;
    }

    static boolean hasTds8Flag(String descriptor) {
        return descriptor.endsWith("Z)V");
    }

    @Override
    public void visitCode() {
        super.visitCode();
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitVarInsn(Opcodes.ALOAD, 1);
        if (hostAndPort) {
            super.visitVarInsn(Opcodes.ILOAD, 2);
        } else {
            super.visitInsn(Opcodes.ICONST_0);
        }
        if (hostAndPort && hasTds8Flag(descriptor)) {
            super.visitVarInsn(Opcodes.ILOAD, lastSlot());
        } else {
            super.visitInsn(Opcodes.ICONST_0);
        }
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "jdbcEnter",
                "(Ljava/lang/Object;Ljava/lang/String;IZ)V", false);
        super.visitLabel(start);
    }

    private int lastSlot() {
        int slot = 1;
        Type[] args = Type.getArgumentTypes(descriptor);
        for (int i = 0; i < args.length - 1; i++) {
            slot += args[i].getSize();
        }
        return slot;
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "jdbcExit", "()V", false);
        }
        super.visitInsn(opcode);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitLabel(end);
        super.visitTryCatchBlock(start, end, handler, null);
        super.visitLabel(handler);
        List<Object> locals = new ArrayList<Object>();
        locals.add(owner);
        for (Type t : Type.getArgumentTypes(descriptor)) {
            locals.add(frameType(t));
        }
        super.visitFrame(Opcodes.F_NEW, locals.size(), locals.toArray(), 1, new Object[] {"java/lang/Throwable"});
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOKS, "jdbcExit", "()V", false);
        super.visitInsn(Opcodes.ATHROW);
        super.visitMaxs(maxStack, maxLocals);
    }

    private static Object frameType(Type t) {
        switch (t.getSort()) {
            case Type.BOOLEAN:
            case Type.BYTE:
            case Type.CHAR:
            case Type.SHORT:
            case Type.INT:
                return Opcodes.INTEGER;
            case Type.LONG:
                return Opcodes.LONG;
            case Type.FLOAT:
                return Opcodes.FLOAT;
            case Type.DOUBLE:
                return Opcodes.DOUBLE;
            default:
                return t.getInternalName();
        }
    }
}
