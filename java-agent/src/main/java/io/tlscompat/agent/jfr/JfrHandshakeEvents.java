package io.tlscompat.agent.jfr;

import io.tlscompat.agent.output.RecordConsumer;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.PeerCertificate;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Emits each record as a JFR {@code tlscompat.Handshake} event (enabled by default when a recording runs), so JDK
 * Mission Control and JFR streaming see failed handshakes too. Everything goes through reflection on a class
 * generated at run time; on a JVM without JFR (Java 8 before 8u262) {@link #create} returns null.
 */
public final class JfrHandshakeEvents implements RecordConsumer {
    private final Class<?> eventClass;
    private final Method shouldCommit;
    private final Method commit;
    private final Field[] fields;

    private JfrHandshakeEvents(Class<?> eventClass) throws Exception {
        this.eventClass = eventClass;
        this.shouldCommit = eventClass.getMethod("shouldCommit");
        this.commit = eventClass.getMethod("commit");
        fields = new Field[JfrEventClassFactory.FIELDS.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = eventClass.getField(JfrEventClassFactory.FIELDS[i][0]);
        }
    }

    /**
     * Generates and registers the event class.
     *
     * @return the JFR output, or null when this JVM has no JFR
     * @throws Exception when JFR exists but refused the registration (the caller may try again later)
     */
    public static JfrHandshakeEvents create(ClassLoader parent) throws Exception {
        try {
            Class.forName("jdk.jfr.Event", false, parent);
        } catch (Throwable noJfr) {
            return null;
        }
        final byte[] bytes = JfrEventClassFactory.generate();
        ClassLoader loader = new ClassLoader(parent) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                if (JfrEventClassFactory.CLASS_NAME.equals(name)) {
                    return defineClass(name, bytes, 0, bytes.length);
                }
                throw new ClassNotFoundException(name);
            }
        };
        Class<?> c = loader.loadClass(JfrEventClassFactory.CLASS_NAME);
        Class<?> recorder = Class.forName("jdk.jfr.FlightRecorder", true, parent);
        recorder.getMethod("register", Class.class).invoke(null, c);
        return new JfrHandshakeEvents(c);
    }

    /** The event name, for the startup line and tests. */
    public static String eventName() {
        return JfrEventClassFactory.EVENT_NAME;
    }

    @Override
    public void consume(HandshakeRecord r) {
        try {
            Object e = eventClass.newInstance();
            if (!((Boolean) shouldCommit.invoke(e))) {
                return;
            }
            PeerCertificate cert = r.peerCertificate();
            Object[] values = {
                r.peerHost(), r.peerPort(), r.outcome().value(), r.phase() == null ? null : r.phase().value(),
                r.protocol(), r.cipherSuite(), String.join(",", r.offeredProtocols()),
                cert == null ? null : cert.subject(), cert == null ? null : cert.signatureAlgorithm(),
                r.durationMicros(),
                r.failure() == null ? null : r.failure().getClass().getName() + ": " + r.failure().getMessage(),
                r.jdbc() == null ? null : r.jdbc().clientConnectionId(),
                r.diagnosis() == null ? null : r.diagnosis().code().code(),
                r.diagnosis() == null ? null : r.diagnosis().message(),
            };
            for (int i = 0; i < fields.length; i++) {
                fields[i].set(e, values[i]);
            }
            commit.invoke(e);
        } catch (Throwable ignored) {
            // JFR problems never stop the other outputs
        }
    }

    @Override
    public void close() {
        // nothing to release
    }
}
