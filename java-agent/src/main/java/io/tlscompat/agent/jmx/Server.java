package io.tlscompat.agent.jmx;

import io.tlscompat.agent.output.HandshakeStats;
import java.util.Collections;
import java.util.Map;

/** The MBean behind {@code tlscompat:type=Server,server="host:port"}: reads one server's {@link HandshakeStats}. */
final class Server implements ServerMXBean {
    private final String server;
    private final HandshakeStats stats;
    private final Handshakes.DheRates dhe;

    Server(String server, HandshakeStats stats, Handshakes.DheRates dhe) {
        this.server = server;
        this.stats = stats;
        this.dhe = dhe;
    }

    private Map<String, Object> snapshot() {
        Map<String, Object> m = stats.server(server);
        return m == null ? Collections.<String, Object>emptyMap() : m;
    }

    private long count(String key) {
        Object v = snapshot().get(key);
        return v == null ? 0 : (Long) v;
    }

    @Override
    public String getServer() {
        return server;
    }

    @Override
    public long getAttempts() {
        return count("attempts");
    }

    @Override
    public long getOk() {
        return count("ok");
    }

    @Override
    public long getResets() {
        return count("resets");
    }

    @Override
    public long getFailures() {
        return count("failures");
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Long> getByDiagnosis() {
        Object v = snapshot().get("byDiagnosis");
        return v == null ? Collections.<String, Long>emptyMap() : (Map<String, Long>) v;
    }

    @Override
    public String getLastProtocol() {
        return (String) snapshot().get("lastProtocol");
    }

    @Override
    public String getLastCipherSuite() {
        return (String) snapshot().get("lastCipherSuite");
    }

    @Override
    public double getDheFailureRate() {
        return dhe == null ? -1 : dhe.failureRate(server);
    }
}
