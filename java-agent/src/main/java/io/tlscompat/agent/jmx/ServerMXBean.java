package io.tlscompat.agent.jmx;

import java.util.Map;

/**
 * One server's counters as its own MBean ({@code tlscompat:type=Server,server="host:port"}): plain attributes, which
 * collectors that skip arrays of composites (Prometheus's jmx_exporter) still read.
 */
public interface ServerMXBean {
    String getServer();

    long getAttempts();

    long getOk();

    long getResets();

    long getFailures();

    Map<String, Long> getByDiagnosis();

    String getLastProtocol();

    String getLastCipherSuite();

    /** Share of DHE handshakes that failed after the key exchange, or -1 when none were seen. */
    double getDheFailureRate();
}
