package io.tlscompat.agent;

import io.tlscompat.agent.diagnosis.Diagnostician;
import io.tlscompat.agent.diagnosis.ServerProber;
import io.tlscompat.agent.jfr.JfrHandshakeEvents;
import io.tlscompat.agent.jmx.Handshakes;
import io.tlscompat.agent.output.HandshakeStats;
import io.tlscompat.agent.output.RecordConsumer;
import io.tlscompat.agent.output.RecordPipeline;
import java.util.List;

/** Optional outputs (JFR, JMX) and the probe, each allowed to be missing on this JVM. */
final class Extras {
    private Extras() {
    }

    /** Adds JFR and JMX when enabled and available; returns words for the startup line. */
    static String addOptional(AgentOptions options, HandshakeStats stats, RecordPipeline pipeline,
            final Diagnostician diagnostician, List<RecordConsumer> consumers) {
        StringBuilder sb = new StringBuilder();
        if (options.jfr()) {
            JfrHandshakeEvents jfr = JfrHandshakeEvents.create(Extras.class.getClassLoader());
            if (jfr != null) {
                consumers.add(jfr);
                sb.append(", JFR event ").append(JfrHandshakeEvents.eventName());
            } else {
                sb.append(", no JFR on this JVM");
            }
        }
        if (options.jmx()) {
            Handshakes mbean = new Handshakes(stats, pipeline, new Handshakes.DheRates() {
                @Override
                public double failureRate(String server) {
                    return diagnostician.dheCounters().failureRate(server);
                }
            });
            if (mbean.register()) {
                sb.append(", MBean ").append(Handshakes.OBJECT_NAME);
            }
        }
        return sb.toString();
    }

    static ServerProber prober() {
        return new io.tlscompat.agent.diagnosis.CoreProbeAdapter();
    }
}
