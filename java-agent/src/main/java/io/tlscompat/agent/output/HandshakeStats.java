package io.tlscompat.agent.output;

import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates per server (attempts, ok, resets, failures, by diagnosis, last negotiated protocol and suite): the
 * facts behind the JMX MBean and the shutdown summary. Bounded to {@link #MAX_SERVERS} servers (least recently seen
 * are folded into an {@code (other)} entry).
 *
 * <p>Two inputs: {@link #count} on the handshake thread, before the record queue, for every handshake (so the
 * counters stay exact when records are dropped), and {@link #consume} on the writer thread for the diagnosis, which
 * only a record that reached the writer has. Read from JMX threads: synchronized.
 */
public final class HandshakeStats implements RecordConsumer, HandshakeCounter {
    static final int MAX_SERVERS = 512;
    static final String OTHER = "(other)";

    /** Counters of one server. */
    public static final class ServerCounters {
        long attempts;
        long ok;
        long resets;
        long failures;
        final Map<String, Long> byOutcome = new TreeMap<String, Long>();
        final Map<String, Long> byDiagnosis = new TreeMap<String, Long>();
        String lastProtocol;
        String lastCipherSuite;

        Map<String, Object> toMap(String server) {
            Map<String, Object> m = new LinkedHashMap<String, Object>();
            m.put("server", server);
            m.put("attempts", attempts);
            m.put("ok", ok);
            m.put("resets", resets);
            m.put("failures", failures);
            m.put("byOutcome", new LinkedHashMap<String, Long>(byOutcome));
            m.put("byDiagnosis", new LinkedHashMap<String, Long>(byDiagnosis));
            m.put("lastProtocol", lastProtocol);
            m.put("lastCipherSuite", lastCipherSuite);
            return m;
        }
    }

    private final Map<String, ServerCounters> servers = new LinkedHashMap<String, ServerCounters>(16, 0.75f, true);
    private long total;
    private long failed;
    private final Map<String, Long> byDiagnosis = new TreeMap<String, Long>();

    /** Every handshake, where it ends: attempts, ok, failures, resets, outcomes, last protocol and suite. */
    @Override
    public synchronized void count(HandshakeRecord r) {
        ServerCounters c = countersOf(r.server());
        total++;
        c.attempts++;
        increment(c.byOutcome, r.outcome().value());
        if (r.outcome() == Outcome.OK) {
            c.ok++;
            c.lastProtocol = r.protocol();
            c.lastCipherSuite = r.cipherSuite();
        } else {
            failed++;
            c.failures++;
            if (r.outcome() == Outcome.RESET) {
                c.resets++;
            }
        }
    }

    /** A record that reached the writer, diagnosed: counts its diagnosis. */
    @Override
    public synchronized void consume(HandshakeRecord r) {
        if (r.diagnosis() != null) {
            increment(countersOf(r.server()).byDiagnosis, r.diagnosis().code().code());
            increment(byDiagnosis, r.diagnosis().code().code());
        }
    }

    private ServerCounters countersOf(String server) {
        String key = server;
        ServerCounters c = servers.get(key);
        if (c == null) {
            if (servers.size() >= MAX_SERVERS) {
                key = OTHER;
                c = servers.get(OTHER);
            }
            if (c == null) {
                c = new ServerCounters();
                servers.put(key, c);
            }
        }
        return c;
    }

    private static void increment(Map<String, Long> m, String key) {
        Long v = m.get(key);
        m.put(key, v == null ? 1L : v + 1);
    }

    public synchronized long total() {
        return total;
    }

    public synchronized long failed() {
        return failed;
    }

    public synchronized Map<String, Long> byDiagnosis() {
        return new TreeMap<String, Long>(byDiagnosis);
    }

    /** The key a server counts under: itself, or {@code (other)} once {@link #MAX_SERVERS} servers are counted. */
    public synchronized String keyOf(String server) {
        return servers.containsKey(server) || servers.size() < MAX_SERVERS ? server : OTHER;
    }

    /** A snapshot of one server's counters (as in {@link #servers()}), or null when it has none yet. */
    public synchronized Map<String, Object> server(String key) {
        ServerCounters c = servers.get(key);
        return c == null ? null : c.toMap(key);
    }

    /** A snapshot of every server's counters, as plain maps (JSON/JMX friendly). */
    public synchronized List<Map<String, Object>> servers() {
        List<Map<String, Object>> list = new ArrayList<Map<String, Object>>();
        for (Map.Entry<String, ServerCounters> e : servers.entrySet()) {
            list.add(e.getValue().toMap(e.getKey()));
        }
        return list;
    }

    /** The shutdown summary line. */
    public synchronized String summaryLine(long dropped) {
        StringBuilder sb = new StringBuilder(StderrReporter.PREFIX).append("summary: ").append(total)
                .append(" handshakes, ").append(failed).append(" failed");
        if (!byDiagnosis.isEmpty()) {
            sb.append(", diagnoses ").append(byDiagnosis);
        }
        sb.append(", ").append(dropped).append(" records dropped");
        for (Map.Entry<String, ServerCounters> e : servers.entrySet()) {
            ServerCounters c = e.getValue();
            sb.append("; ").append(e.getKey()).append(' ').append(c.ok).append('/').append(c.attempts).append(" ok");
            if (c.lastProtocol != null) {
                sb.append(' ').append(c.lastProtocol).append(' ').append(c.lastCipherSuite);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        // nothing to release
    }
}
