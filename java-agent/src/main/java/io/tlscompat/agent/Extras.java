package io.tlscompat.agent;

import io.tlscompat.agent.diagnosis.CoreProbeAdapter;
import io.tlscompat.agent.diagnosis.ServerProber;

/** The background prober, allowed to be missing on this JVM. */
final class Extras {
    private Extras() {
    }

    static ServerProber prober() {
        try {
            return new CoreProbeAdapter();
        } catch (Throwable t) {
            return null;
        }
    }
}
