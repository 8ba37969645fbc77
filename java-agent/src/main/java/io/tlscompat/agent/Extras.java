package io.tlscompat.agent;

import io.tlscompat.agent.diagnosis.ServerProber;
import io.tlscompat.agent.output.HandshakeStats;
import io.tlscompat.agent.output.RecordConsumer;
import java.io.PrintStream;
import java.util.List;

/** Optional outputs (JFR, JMX) and the probe, each allowed to be missing on this JVM. */
final class Extras {
    private Extras() {
    }

    static void addOptional(AgentOptions options, HandshakeStats stats, List<RecordConsumer> consumers,
            PrintStream err) {
        // JFR and JMX are added in later steps.
    }

    static ServerProber prober() {
        return null;
    }
}
