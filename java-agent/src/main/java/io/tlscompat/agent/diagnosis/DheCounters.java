package io.tlscompat.agent.diagnosis;

import io.tlscompat.agent.record.Diagnosis;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.agent.record.Phase;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-server counters of handshakes on DHE suites, for the intermittent "leading zero" bug (KB4557473): resets
 * after the key exchange on DHE while most handshakes to the same server succeed. Bounded: least recently seen
 * servers are forgotten beyond {@link #MAX_SERVERS}. Writer thread only.
 */
public final class DheCounters {
    static final int MAX_SERVERS = 1024;

    private static final class Count {
        long ok;
        long failedAfterKeyExchange;
    }

    private final Map<String, Count> counts = new LinkedHashMap<String, Count>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
            return size() > MAX_SERVERS;
        }
    };

    /** Counts the record; returns a diagnosis when it is a DHE failure after the key exchange. */
    public synchronized Diagnosis observe(HandshakeRecord r) {
        if (!isDhe(r.cipherSuite())) {
            return null;
        }
        Count c = counts.get(r.server());
        if (c == null) {
            c = new Count();
            counts.put(r.server(), c);
        }
        if (r.outcome() == Outcome.OK) {
            c.ok++;
            return null;
        }
        boolean afterKeyExchange = r.phase() == Phase.KEY_EXCHANGE_SENT;
        boolean dropped = r.outcome() == Outcome.RESET || r.outcome() == Outcome.CLOSE
                || r.outcome() == Outcome.ALERT;
        if (!afterKeyExchange || !dropped) {
            return null;
        }
        c.failedAfterKeyExchange++;
        long total = c.ok + c.failedAfterKeyExchange;
        String rate = String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * c.failedAfterKeyExchange / total);
        String pattern = c.ok >= c.failedAfterKeyExchange ? "intermittent: most DHE handshakes succeed"
                : "so far more DHE handshakes failed than succeeded";
        return new Diagnosis(FindingCode.DHE_LEADING_ZERO_RISK, r.outcome().value() + " after the key exchange on "
                + r.cipherSuite() + "; " + c.failedAfterKeyExchange + " of " + total + " DHE handshakes to "
                + r.server() + " failed (" + rate + "), " + pattern, FindingTexts.FIX_DHE_RISK, "counters");
    }

    /** Failure rate for a server as a fraction, or -1 when no DHE handshake was seen (for JMX). */
    public synchronized double failureRate(String server) {
        Count c = counts.get(server);
        if (c == null || c.ok + c.failedAfterKeyExchange == 0) {
            return -1;
        }
        return (double) c.failedAfterKeyExchange / (c.ok + c.failedAfterKeyExchange);
    }

    static boolean isDhe(String suiteName) {
        return suiteName != null && suiteName.startsWith("TLS_DHE_");
    }

    static boolean isDhe(CipherSuite s) {
        return s != null && isDhe(s.name());
    }

    static CipherSuite suite(String name) {
        return name == null ? null : CipherSuites.byName(name);
    }
}
