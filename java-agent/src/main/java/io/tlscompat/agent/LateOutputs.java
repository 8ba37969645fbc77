package io.tlscompat.agent;

import io.tlscompat.agent.diagnosis.Diagnostician;
import io.tlscompat.agent.jfr.JfrHandshakeEvents;
import io.tlscompat.agent.jmx.Handshakes;
import io.tlscompat.agent.output.HandshakeStats;
import io.tlscompat.agent.output.RecordConsumer;
import io.tlscompat.agent.output.RecordPipeline;
import io.tlscompat.agent.record.HandshakeRecord;
import java.lang.reflect.Method;
import java.util.List;

/**
 * JFR and JMX, started late on the writer thread so they cost no start-up time: the MBean is registered with the
 * first record (initialising the platform MBean server takes a few hundred milliseconds), and the JFR event class is
 * registered only once a recording runs: registering earlier would start JFR in an application that never asked for
 * it, and registering while JFR is still starting its first recording can leave the event disabled in that recording
 * (JFR applies an event's settings at registration only when it is already recording).
 */
final class LateOutputs implements RecordConsumer {
    /** The one line printed when JFR exists but would not take the event, after {@link #JFR_ATTEMPTS} tries. */
    static final String JFR_REFUSED = "[tls-compat] JFR event %s is off: JFR refused its registration (%s);"
            + " the file, stderr and JMX outputs are unaffected";
    /** Registration tries before giving up (a refusal during JFR's own start-up may not repeat). */
    static final int JFR_ATTEMPTS = 3;

    /** Makes the JFR output; a seam so that a refusing JFR can be tested. */
    interface JfrFactory {
        /** @return the output, or null where there is no JFR; throws when JFR refused the registration */
        JfrHandshakeEvents create(ClassLoader parent) throws Exception;
    }

    private final AgentOptions options;
    private final JfrFactory jfrFactory;
    private final HandshakeStats stats;
    private final RecordPipeline pipeline;
    private final Diagnostician diagnostician;
    private boolean jmxTried;
    private Handshakes handshakes;
    private Method jfrInitialized;
    private boolean jfrUnavailable;
    private int jfrFailures;
    private JfrHandshakeEvents jfr;

    LateOutputs(AgentOptions options, HandshakeStats stats, RecordPipeline pipeline, Diagnostician diagnostician) {
        this(options, stats, pipeline, diagnostician, new JfrFactory() {
            @Override
            public JfrHandshakeEvents create(ClassLoader parent) throws Exception {
                return JfrHandshakeEvents.create(parent);
            }
        });
    }

    LateOutputs(AgentOptions options, HandshakeStats stats, RecordPipeline pipeline, Diagnostician diagnostician,
            JfrFactory jfrFactory) {
        this.options = options;
        this.jfrFactory = jfrFactory;
        this.stats = stats;
        this.pipeline = pipeline;
        this.diagnostician = diagnostician;
    }

    /** Words for the startup line. */
    static String describe(AgentOptions options) {
        StringBuilder sb = new StringBuilder();
        if (options.jfr()) {
            sb.append(", JFR event ").append(JfrHandshakeEvents.eventName()).append(" (when a recording runs)");
        }
        if (options.jmx()) {
            sb.append(", MBean ").append(Handshakes.OBJECT_NAME).append(" and tlscompat:type=Server,server=\"host:port\" (from the first handshake)");
        }
        return sb.toString();
    }

    /** When the JVM was started with a recording, register the event before the first handshake. */
    @Override
    public void start() {
        startJfrIfRecording();
    }

    private void startJfrIfRecording() {
        if (!options.jfr() || jfr != null || jfrUnavailable || !jfrInitialized() || !jfrRecording()) {
            return;
        }
        try {
            jfr = jfrFactory.create(getClass().getClassLoader());
            jfrUnavailable = jfr == null;
        } catch (Throwable t) {
            Throwable cause = t.getCause() != null ? t.getCause() : t;
            if (++jfrFailures >= JFR_ATTEMPTS) {
                jfrUnavailable = true;
                System.err.println(AgentRuntime.fill(JFR_REFUSED, JfrHandshakeEvents.eventName(),
                        String.valueOf(cause)));
            }
        }
    }

    @Override
    public void consume(HandshakeRecord record) {
        startJfrIfRecording();
        if (jfr != null) {
            jfr.consume(record);
        }
        if (options.jmx() && !jmxTried) {
            jmxTried = true;
            Handshakes mbean = new Handshakes(stats, pipeline, new Handshakes.DheRates() {
                @Override
                public double failureRate(String server) {
                    return diagnostician.dheCounters().failureRate(server);
                }
            });
            handshakes = mbean.register() ? mbean : null;
        }
        if (handshakes != null) {
            handshakes.serverSeen(record.server());
        }
    }

    /** {@code jdk.jfr.FlightRecorder.isInitialized()} (Java 9+, 8u262+); false where JFR does not exist. */
    private boolean jfrInitialized() {
        try {
            if (jfrInitialized == null) {
                jfrInitialized = Class.forName("jdk.jfr.FlightRecorder").getMethod("isInitialized");
            }
            return (Boolean) jfrInitialized.invoke(null);
        } catch (Throwable t) {
            jfrUnavailable = true;
            return false;
        }
    }

    /**
     * Whether a recording is in state RUNNING; asked only once JFR is initialised, so it never starts JFR. JFR marks a
     * recording RUNNING only after it began recording, from when a registration gets the recording's settings.
     */
    private static boolean jfrRecording() {
        try {
            Class<?> recorderClass = Class.forName("jdk.jfr.FlightRecorder");
            Object recorder = recorderClass.getMethod("getFlightRecorder").invoke(null);
            for (Object recording : (List<?>) recorderClass.getMethod("getRecordings").invoke(recorder)) {
                Object state = recording.getClass().getMethod("getState").invoke(recording);
                if ("RUNNING".equals(String.valueOf(state))) {
                    return true;
                }
            }
            return false;
        } catch (Throwable t) {
            return false;
        }
    }

    @Override
    public void close() {
        // nothing to release
    }
}
