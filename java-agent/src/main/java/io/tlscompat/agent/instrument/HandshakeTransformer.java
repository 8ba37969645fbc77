package io.tlscompat.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * Rewrites the hook targets listed in {@link HookTargets}; returns {@code null} (no change) for every other class
 * and whenever anything goes wrong, so class loading is never broken. Problems are reported through
 * {@link Listener}, never thrown.
 */
public final class HandshakeTransformer implements ClassFileTransformer {
    /** Told what happened to each target; called on the class-loading thread, so implementations stay tiny. */
    public interface Listener {
        void hooked(String className, int methods);

        void failed(String className, Throwable problem);
    }

    /** Why the pre-8u261 JSSE is left alone. */
    public static final String OLD_JSSE = "this JSSE predates the TLS 1.3 rewrite (JDK 8u261, 11); the agent needs"
            + " 8u261+ or 11+";

    private final Listener listener;
    private final Set<String> hookedClasses = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

    public HandshakeTransformer(Listener listener) {
        this.listener = listener;
    }

    /** True for the internal names this transformer rewrites. */
    public static boolean isTarget(String internalName) {
        return HookTargets.SSL_SOCKET_IMPL.equals(internalName)
                || HookTargets.SOCKET_OUTPUT_RECORD.equals(internalName)
                || HookTargets.HANDSHAKE_CONTEXT.equals(internalName)
                || HookTargets.TRANSPORT_CONTEXT.equals(internalName)
                || HookTargets.SSL_ENGINE_IMPL.equals(internalName)
                || HookTargets.ENGINE_OUTPUT_RECORD.equals(internalName)
                || HookTargets.R2DBC_SSL_HANDLER_FACTORY.equals(internalName)
                || HookTargets.VERTX_LOGIN_SENT_HANDLER.equals(internalName)
                || HookTargets.NETTY_SSL_HANDLER.equals(internalName)
                || HookTargets.HTTP_SSL_TUBE.equals(internalName)
                || HookTargets.TDS_CHANNEL.equals(internalName)
                || HookTargets.SQL_SERVER_CONNECTION.equals(internalName)
                || HookTargets.JTDS_SHARED_SOCKET.equals(internalName)
                || HookTargets.JTDS_TDS_CORE.equals(internalName);
    }

    /** Internal names of the classes hooked so far (e.g. for the startup line and the MBean). */
    public Set<String> hookedClasses() {
        return Collections.unmodifiableSet(hookedClasses);
    }

    /** True when SSLSocketImpl declares {@code String getPeerHost()} and {@code int getPeerPort()}. */
    static boolean hasPeerAccessors(ClassReader reader) {
        final boolean[] found = new boolean[2];
        reader.accept(new ClassVisitor(AsmSupport.API) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                if (HookTargets.GET_PEER_HOST.equals(name) && "()Ljava/lang/String;".equals(desc)) {
                    found[0] = true;
                } else if (HookTargets.GET_PEER_PORT.equals(name) && "()I".equals(desc)) {
                    found[1] = true;
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0] && found[1];
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classfileBuffer) {
        if (className == null || !isTarget(className)) {
            return null;
        }
        try {
            byte[] result = instrument(className, classfileBuffer);
            if (result != null) {
                hookedClasses.add(className);
            }
            return result;
        } catch (Throwable t) {
            listener.failed(className, t);
            return null;
        }
    }

    /** Rewrites one class; null when it has none of the expected methods. Public for tests and javap checks. */
    public byte[] instrument(String className, byte[] classfile) {
        ClassReader reader = new ClassReader(classfile);
        if (HookTargets.SSL_SOCKET_IMPL.equals(className) && !hasPeerAccessors(reader)) {
            // The JSSE before 8u261 has startHandshake(boolean) too, but not the accessors the entry hook calls:
            // hooking it would throw NoSuchMethodError inside the application's handshake.
            listener.failed(className, new IllegalStateException(OLD_JSSE));
            return null;
        }
        ClassWriter writer = AsmSupport.writerFor(reader);
        HookClassVisitor visitor = new HookClassVisitor(writer, className);
        // EXPAND_FRAMES: the adapters add F_NEW frames, which must not be mixed with compressed ones.
        reader.accept(visitor, ClassReader.EXPAND_FRAMES);
        if (visitor.hookedMethods() == 0) {
            listener.failed(className, new IllegalStateException("none of the expected methods found"));
            return null;
        }
        listener.hooked(className, visitor.hookedMethods());
        return writer.toByteArray();
    }
}
