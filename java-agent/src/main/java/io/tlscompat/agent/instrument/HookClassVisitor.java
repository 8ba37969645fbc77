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
            // Two calls: the socket hook (follows its thread) and the engine hook (keyed by the connection's output record).
            MethodVisitor engine = new EntryCallAdapter(mv, "engineMessageReceived",
                    "(Ljava/lang/Object;BLjava/lang/Object;)V",
                    EntryCallAdapter.Arg.thisField(HookTargets.HANDSHAKE_CONTEXT, HookTargets.FIELD_CON_CONTEXT,
                            HookTargets.FIELD_CON_CONTEXT_DESC, HookTargets.TRANSPORT_CONTEXT,
                            HookTargets.FIELD_OUTPUT_RECORD, HookTargets.FIELD_OUTPUT_RECORD_DESC),
                    new EntryCallAdapter.Arg(Opcodes.ILOAD, 1), new EntryCallAdapter.Arg(Opcodes.ALOAD, 2));
            return new EntryCallAdapter(engine, "messageReceived", "(BLjava/lang/Object;)V",
                    new EntryCallAdapter.Arg(Opcodes.ILOAD, 1), new EntryCallAdapter.Arg(Opcodes.ALOAD, 2));
        }
        MethodVisitor engineHook = engineHook(access, name, descriptor, mv);
        if (engineHook != null) {
            hooked++;
            return engineHook;
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
        if (HookTargets.JTDS_TDS_CORE.equals(className) && HookTargets.NEGOTIATE_SSL.equals(name)
                && HookTargets.NEGOTIATE_SSL_DESC.equals(descriptor) && (access & Opcodes.ACC_STATIC) == 0) {
            hooked++;
            // Entry marks the start of a PRELOGIN; a failure out of it is reported unless TLS had started inside.
            MethodVisitor failure = new FailureCallAdapter(mv, new Object[] {className, "java/lang/String",
                "java/lang/String"}, "jtdsNegotiationFailed", "(Ljava/lang/Throwable;Ljava/lang/Object;Ljava/lang/String;)V",
                    new EntryCallAdapter.Arg(Opcodes.ALOAD, 0), new EntryCallAdapter.Arg(Opcodes.ALOAD, 2));
            return new EntryCallAdapter(failure, "jtdsNegotiationEnter", "()V");
        }
        if (HookTargets.SQL_SERVER_CONNECTION.equals(className) && HookTargets.PRELOGIN.equalsIgnoreCase(name)
                && HookTargets.PRELOGIN_DESC.equals(descriptor) && (access & Opcodes.ACC_STATIC) == 0) {
            hooked++;
            // Reports the connection, host and port of a failure before any TLS (encryption refused, strict-only).
            return new FailureCallAdapter(mv, new Object[] {className, "java/lang/String", Opcodes.INTEGER},
                    "preloginFailed", "(Ljava/lang/Throwable;Ljava/lang/Object;Ljava/lang/String;I)V",
                    new EntryCallAdapter.Arg(Opcodes.ALOAD, 0), new EntryCallAdapter.Arg(Opcodes.ALOAD, 1),
                    new EntryCallAdapter.Arg(Opcodes.ILOAD, 2));
        }
        return mv;
    }

    /** The SSLEngine hooks: {@code TransportContext}, {@code SSLEngineImpl}, {@code SSLEngineOutputRecord}. */
    private MethodVisitor engineHook(int access, String name, String descriptor, MethodVisitor mv) {
        if ((access & Opcodes.ACC_STATIC) != 0) {
            return null;
        }
        EntryCallAdapter.Arg record = EntryCallAdapter.Arg.thisField(HookTargets.TRANSPORT_CONTEXT,
                HookTargets.FIELD_OUTPUT_RECORD, HookTargets.FIELD_OUTPUT_RECORD_DESC);
        if (HookTargets.TRANSPORT_CONTEXT.equals(className)) {
            if (HookTargets.KICKSTART.equals(name) && HookTargets.KICKSTART_DESC.equals(descriptor)) {
                return new EntryCallAdapter(mv, "engineStart", "(Ljava/lang/Object;Ljava/lang/Object;Z)V",
                        EntryCallAdapter.Arg.thisField(HookTargets.TRANSPORT_CONTEXT, HookTargets.FIELD_TRANSPORT,
                                HookTargets.FIELD_TRANSPORT_DESC),
                        record,
                        EntryCallAdapter.Arg.thisField(HookTargets.TRANSPORT_CONTEXT, HookTargets.FIELD_NEGOTIATED,
                                "Z"));
            }
            if (HookTargets.FINISH_HANDSHAKE.equals(name) && HookTargets.FINISH_HANDSHAKE_DESC.equals(descriptor)) {
                return new ExitCallAdapter(mv, "engineFinished", "(Ljava/lang/Object;)V", record);
            }
            if (HookTargets.FATAL.equals(name) && HookTargets.FATAL_DESC.equals(descriptor)) {
                return new FailureCallAdapter(mv, className, "engineFailed",
                        "(Ljava/lang/Throwable;Ljava/lang/Object;)V", record);
            }
        }
        if (HookTargets.SSL_ENGINE_IMPL.equals(className) && HookTargets.CLOSE_INBOUND.equals(name)
                && HookTargets.CLOSE_INBOUND_DESC.equals(descriptor)) {
            return new EntryCallAdapter(mv, "engineInboundClosed", "(Ljava/lang/Object;)V",
                    EntryCallAdapter.Arg.thisField(HookTargets.SSL_ENGINE_IMPL, HookTargets.FIELD_CON_CONTEXT,
                            HookTargets.FIELD_CON_CONTEXT_DESC, HookTargets.TRANSPORT_CONTEXT,
                            HookTargets.FIELD_OUTPUT_RECORD, HookTargets.FIELD_OUTPUT_RECORD_DESC));
        }
        if (HookTargets.R2DBC_SSL_HANDLER_FACTORY.equals(className) && HookTargets.CREATE_SSL_HANDLER.equals(name)
                && HookTargets.CREATE_SSL_HANDLER_DESC.equals(descriptor)) {
            return new ExitCallAdapter(mv, true, "driverHandler", "(Ljava/lang/Object;Ljava/lang/Object;)V",
                    new EntryCallAdapter.Arg(Opcodes.ALOAD, 0));
        }
        if (HookTargets.VERTX_LOGIN_SENT_HANDLER.equals(className) && HookTargets.CONSTRUCTOR.equals(name)
                && HookTargets.VERTX_LOGIN_SENT_HANDLER_INIT_DESC.equals(descriptor)) {
            return new ExitCallAdapter(mv, "vertxHandler", "(Ljava/lang/Object;Ljava/lang/Object;B)V",
                    new EntryCallAdapter.Arg(Opcodes.ALOAD, 1), new EntryCallAdapter.Arg(Opcodes.ALOAD, 0),
                    new EntryCallAdapter.Arg(Opcodes.ILOAD, 2));
        }
        if (HookTargets.NETTY_SSL_HANDLER.equals(className) && HookTargets.CONSTRUCTOR.equals(name)
                && HookTargets.NETTY_SSL_HANDLER_INIT_DESC.equals(descriptor)) {
            // Before super(): only the argument is read, never the uninitialised this.
            return new EntryCallAdapter(mv, "nettyEngine", "(Ljava/lang/Object;)V",
                    new EntryCallAdapter.Arg(Opcodes.ALOAD, 1));
        }
        if (HookTargets.HTTP_SSL_TUBE.equals(className) && HookTargets.CHECK_FOR_HANDSHAKE.equals(name)
                && HookTargets.CHECK_FOR_HANDSHAKE_DESC.equals(descriptor)) {
            return new EntryCallAdapter(mv, "engineFlowEnded", "(Ljava/lang/Object;Ljava/lang/Throwable;)V",
                    EntryCallAdapter.Arg.thisField(HookTargets.HTTP_SSL_TUBE, HookTargets.FIELD_ENGINE,
                            HookTargets.FIELD_ENGINE_DESC), new EntryCallAdapter.Arg(Opcodes.ALOAD, 1));
        }
        if (HookTargets.ENGINE_OUTPUT_RECORD.equals(className) && HookTargets.ENCODE_HANDSHAKE.equals(name)
                && HookTargets.ENCODE_HANDSHAKE_DESC.equals(descriptor)) {
            return new EntryCallAdapter(mv, "engineMessageSent", "(Ljava/lang/Object;[BI)V",
                    new EntryCallAdapter.Arg(Opcodes.ALOAD, 0), new EntryCallAdapter.Arg(Opcodes.ALOAD, 1),
                    new EntryCallAdapter.Arg(Opcodes.ILOAD, 2));
        }
        return null;
    }
}
