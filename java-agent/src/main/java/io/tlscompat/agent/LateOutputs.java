package io.tlscompat.agent;

import io.tlscompat.agent.diagnosis.Diagnostician;
import io.tlscompat.agent.jfr.JfrHandshakeEvents;
import io.tlscompat.agent.jmx.Handshakes;
import io.tlscompat.agent.output.HandshakeStats;
import io.tlscompat.agent.output.RecordConsumer;
import io.tlscompat.agent.output.RecordPipeline;
import io.tlscompat.agent.record.HandshakeRecord;
import java.lang.reflect.Method;

/**
 * JFR and JMX, started late on the writer thread so they cost no start-up time: the MBean is registered with the
 * first record (initialising the platform MBean server takes a few hundred milliseconds), and the JFR event class is
 * registered only once JFR itself is initialised (a recording was started), because registering an event would
 * otherwise start JFR in an application that never asked for it.
 */
final class LateOutputs implements RecordConsumer {
    private final AgentOptions options;
    private final HandshakeStats stats;
    private final RecordPipeline pipeline;
    private final Diagnostician diagnostician;
    private boolean jmxTried;
    private Method jfrInitialized;
    private boolean jfrUnavailable;
    private JfrHandshakeEvents jfr;

    LateOutputs(AgentOptions options, HandshakeStats stats, RecordPipeline pipeline, Diagnostician diagnostician) {
        this.options = options;
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
            sb.append(", MBean ").append(Handshakes.OBJECT_NAME).append(" (from the first handshake)");
        }
        return sb.toString();
    }

    /** When the JVM was started with a recording, register the event before the first handshake. */
    @Override
    public void start() {
        startJfrIfRecording();
    }

    private void startJfrIfRecording() {
        if (options.jfr() && jfr == null && !jfrUnavailable && jfrInitialized()) {
            jfr = JfrHandshakeEvents.create(getClass().getClassLoader());
            jfrUnavailable = jfr == null;
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
            new Handshakes(stats, pipeline, new Handshakes.DheRates() {
                @Override
                public double failureRate(String server) {
                    return diagnostician.dheCounters().failureRate(server);
                }
            }).register();
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

    @Override
    public void close() {
        // nothing to release
    }
}
