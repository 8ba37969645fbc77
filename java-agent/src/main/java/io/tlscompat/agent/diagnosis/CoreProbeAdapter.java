package io.tlscompat.agent.diagnosis;

import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;

/**
 * The production {@link ServerProber}: core's TDS-aware probe with short timeouts and a single connection at a time,
 * so a background diagnosis stays light on the server and on this JVM.
 */
public final class CoreProbeAdapter implements ServerProber {
    private TdsProbe probe;

    @Override
    public ServerProfile probe(String host, int port) throws Exception {
        // Created on the probe thread at first use: nothing of the probe loads at JVM start-up.
        if (probe == null) {
            probe = new TdsProbe(ProbeSettings.builder()
                    .connectTimeoutMillis(3000)
                    .readTimeoutMillis(3000)
                    .deadlineMillis(20000)
                    .parallelism(1)
                    .build());
        }
        return probe.probe(host, port);
    }
}
