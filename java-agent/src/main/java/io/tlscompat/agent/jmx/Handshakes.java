package io.tlscompat.agent.jmx;

import io.tlscompat.agent.output.HandshakeStats;
import io.tlscompat.agent.output.RecordPipeline;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/** The MBean behind {@code tlscompat:type=Handshakes}: reads {@link HandshakeStats} snapshots, never blocks TLS. */
public final class Handshakes implements HandshakesMXBean {
    /** The registered name. */
    public static final String OBJECT_NAME = "tlscompat:type=Handshakes";
    /** The prefix of each server's name; the server ({@code host:port}) follows, quoted by {@link ObjectName#quote}. */
    public static final String SERVER_OBJECT_NAME_PREFIX = "tlscompat:type=Server,server=";

    /** Supplies the DHE failure rate per server (the counters live with the diagnosis). */
    public interface DheRates {
        double failureRate(String server);
    }

    private final HandshakeStats stats;
    private final RecordPipeline pipeline;
    private final DheRates dhe;
    /** Servers (as {@link HandshakeStats} keys) whose MBean was registered or refused: each is tried once. */
    private final Set<String> serverBeans = new HashSet<String>();

    public Handshakes(HandshakeStats stats, RecordPipeline pipeline, DheRates dhe) {
        this.stats = stats;
        this.pipeline = pipeline;
        this.dhe = dhe;
    }

    /** Registers on the platform MBean server; false when the name is taken or JMX is unavailable. */
    public boolean register() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(OBJECT_NAME);
            if (server.isRegistered(name)) {
                return false;
            }
            server.registerMBean(this, name);
            return true;
        } catch (Throwable t) {
            return false;
        }
    }

    /**
     * Registers {@code tlscompat:type=Server,server="host:port"} the first time a server is seen; called from the
     * record writer, never the handshake thread. Past {@code HandshakeStats.MAX_SERVERS} servers they share one
     * {@code (other)} MBean. Never throws.
     */
    public void serverSeen(String server) {
        try {
            if (server == null || serverBeans.contains(server)) {
                return;
            }
            String key = stats.keyOf(server);
            if (!serverBeans.add(key)) {
                return;
            }
            MBeanServer mbeans = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(SERVER_OBJECT_NAME_PREFIX + ObjectName.quote(key));
            if (!mbeans.isRegistered(name)) {
                mbeans.registerMBean(new Server(key, stats, dhe), name);
            }
        } catch (Throwable t) {
            // JMX unavailable or the name taken: the totals and Servers[] still count this server.
        }
    }

    @Override
    public long getAttempts() {
        return stats.total();
    }

    @Override
    public long getOk() {
        return stats.total() - stats.failed();
    }

    @Override
    public long getFailures() {
        return stats.failed();
    }

    @Override
    public long getResets() {
        long n = 0;
        for (Map<String, Object> s : stats.servers()) {
            n += (Long) s.get("resets");
        }
        return n;
    }

    @Override
    public long getDroppedRecords() {
        return pipeline == null ? 0 : pipeline.dropped();
    }

    @Override
    public long getRecordsWritten() {
        return pipeline == null ? 0 : pipeline.written();
    }

    @Override
    public Map<String, Long> getByDiagnosis() {
        return stats.byDiagnosis();
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<ServerHandshakes> getServers() {
        List<ServerHandshakes> list = new ArrayList<ServerHandshakes>();
        for (Map<String, Object> s : stats.servers()) {
            String server = (String) s.get("server");
            list.add(new ServerHandshakes(server, (Long) s.get("attempts"), (Long) s.get("ok"),
                    (Long) s.get("resets"), (Long) s.get("failures"), (Map<String, Long>) s.get("byDiagnosis"),
                    (String) s.get("lastProtocol"), (String) s.get("lastCipherSuite"),
                    dhe == null ? -1 : dhe.failureRate(server)));
        }
        return list;
    }
}
