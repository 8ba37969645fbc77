package io.tlscompat.agent.instrument;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Routes the methods of one target class to their adapter; every other method is copied untouched. Counts how many
 * methods it hooked so the transformer can tell "hooked" from "target changed shape".
 */
final class HookClassVisitor extends ClassVisitor {
    private final String className;
    private int hooked;

    HookClassVisitor(ClassVisitor next, String className) {
        super(AsmSupport.API, next);
        this.className = className;
    }

    int hookedMethods() {
        return hooked;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        if (mv == null || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
            return mv;
        }
        if (HookTargets.SSL_SOCKET_IMPL.equals(className) && HookTargets.START_HANDSHAKE.equals(name)
                && HookTargets.START_HANDSHAKE_DESC.equals(descriptor) && (access & Opcodes.ACC_STATIC) == 0) {
            hooked++;
            return new StartHandshakeAdapter(mv);
        }
        if (HookTargets.SOCKET_OUTPUT_RECORD.equals(className) && HookTargets.ENCODE_HANDSHAKE.equals(name)
                && HookTargets.ENCODE_HANDSHAKE_DESC.equals(descriptor)) {
            hooked++;
            return new EntryCallAdapter(mv, "messageSent", "([BI)V",
                    new EntryCallAdapter.Arg(Opcodes.ALOAD, 1), new EntryCallAdapter.Arg(Opcodes.ILOAD, 2));
        }
        if (HookTargets.HANDSHAKE_CONTEXT.equals(className) && HookTargets.DISPATCH.equals(name)
                && HookTargets.DISPATCH_DESC.equals(descriptor)) {
            hooked++;
            return new EntryCallAdapter(mv, "messageReceived", "(BLjava/lang/Object;)V",
                    new EntryCallAdapter.Arg(Opcodes.ILOAD, 1), new EntryCallAdapter.Arg(Opcodes.ALOAD, 2));
        }
        if (HookTargets.TDS_CHANNEL.equals(className) && HookTargets.ENABLE_SSL.equals(name)
                && descriptor.startsWith(HookTargets.ENABLE_SSL_DESC_PREFIX) && descriptor.endsWith(")V")
                && (access & Opcodes.ACC_STATIC) == 0) {
            hooked++;
            return new EnableSslAdapter(mv, className, descriptor, true);
        }
        if (HookTargets.JTDS_SHARED_SOCKET.equals(className) && HookTargets.ENABLE_ENCRYPTION.equals(name)
                && HookTargets.ENABLE_ENCRYPTION_DESC.equals(descriptor) && (access & Opcodes.ACC_STATIC) == 0) {
            hooked++;
            return new EnableSslAdapter(mv, className, descriptor, false);
        }
        if (HookTargets.SQL_SERVER_CONNECTION.equals(className) && HookTargets.PRELOGIN.equalsIgnoreCase(name)
                && HookTargets.PRELOGIN_DESC.equals(descriptor) && (access & Opcodes.ACC_STATIC) == 0) {
            hooked++;
            return new PreloginFailureAdapter(mv, className);
        }
        return mv;
    }
}
