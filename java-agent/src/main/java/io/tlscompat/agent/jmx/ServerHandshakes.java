package io.tlscompat.agent.jmx;

import java.util.Map;

/** One server's counters as a JMX composite (an MXBean maps the getters). */
public final class ServerHandshakes {
    private final String server;
    private final long attempts;
    private final long ok;
    private final long resets;
    private final long failures;
    private final Map<String, Long> byDiagnosis;
    private final String lastProtocol;
    private final String lastCipherSuite;
    private final double dheFailureRate;

    public ServerHandshakes(String server, long attempts, long ok, long resets, long failures,
            Map<String, Long> byDiagnosis, String lastProtocol, String lastCipherSuite, double dheFailureRate) {
        this.server = server;
        this.attempts = attempts;
        this.ok = ok;
        this.resets = resets;
        this.failures = failures;
        this.byDiagnosis = byDiagnosis;
        this.lastProtocol = lastProtocol;
        this.lastCipherSuite = lastCipherSuite;
        this.dheFailureRate = dheFailureRate;
    }

    public String getServer() {
        return server;
    }

    public long getAttempts() {
        return attempts;
    }

    public long getOk() {
        return ok;
    }

    public long getResets() {
        return resets;
    }

    public long getFailures() {
        return failures;
    }

    public Map<String, Long> getByDiagnosis() {
        return byDiagnosis;
    }

    public String getLastProtocol() {
        return lastProtocol;
    }

    public String getLastCipherSuite() {
        return lastCipherSuite;
    }

    /** Share of DHE handshakes that failed after the key exchange, or -1 when none were seen. */
    public double getDheFailureRate() {
        return dheFailureRate;
    }
}
