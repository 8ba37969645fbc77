package io.tlscompat.agent.diagnosis;

import io.tlscompat.agent.record.Diagnosis;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.JdbcContext;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.client.JdkTlsPolicy;
import io.tlscompat.core.client.ObservedClient;
import io.tlscompat.core.eval.EarlyDropCause;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Evaluator;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.profile.ServerProfile;
import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Judges a recorded handshake with the gate's engine: the record becomes a {@link ClientProfile} (what this JVM
 * really offered, the driver and its settings, this JVM's policy) and core's {@link Evaluator} evaluates it against
 * the probed {@link ServerProfile}; {@link EarlyDropCause} picks the cause, with the gate's own message and
 * remediation, or says that model and observation disagree. Writer and probe threads only.
 */
public final class HandshakeJudge {
    static final String SOURCE = "probe";

    /** Judgements kept per server profile and client stack, so a storm of identical resets costs one evaluation. */
    private static final int CACHE_SIZE = 256;

    private volatile JdkTlsPolicy jdk;
    private final Map<String, Judged> cache = new LinkedHashMap<String, Judged>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Judged> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** A judgement and the profile it was made on: a newer probe of the server makes it stale. */
    private static final class Judged {
        final ServerProfile server;
        final Diagnosis diagnosis;

        Judged(ServerProfile server, Diagnosis diagnosis) {
            this.server = server;
            this.diagnosis = diagnosis;
        }
    }

    /** Judges on this JVM's policy, read once, on first use. */
    public HandshakeJudge() {
    }

    /** Judges on the given policy (tests). */
    HandshakeJudge(JdkTlsPolicy jdk) {
        this.jdk = jdk;
    }

    /** The diagnosis of an early drop from the server's profile ({@link EarlyDropCause}); never null. */
    public Diagnosis judge(HandshakeRecord r, ServerProfile server) {
        JdbcContext jdbc = r.jdbc();
        String key = r.server() + "|" + r.outcome() + "|" + r.phase() + "|"
                + r.isPrelogin() + "|" + r.offeredProtocols() + "|" + r.offeredCipherSuites() + "|"
                + (jdbc == null ? "" : jdbc.driver() + " " + jdbc.version() + " " + settings(jdbc) + " "
                + jdbc.tds8());
        synchronized (cache) {
            Judged known = cache.get(key);
            if (known != null && known.server == server) {
                return known.diagnosis;
            }
        }
        Diagnosis d = evaluate(r, server);
        synchronized (cache) {
            cache.put(key, new Judged(server, d));
        }
        return d;
    }

    private Diagnosis evaluate(HandshakeRecord r, ServerProfile server) {
        Evaluation e = new Evaluator(Instant.now(), false).evaluate(r.server(), clientOf(r), server);
        String ended = r.outcome().value() + (r.isPrelogin() ? " in the PRELOGIN"
                : r.phase() == null ? "" : " after " + r.phase().value());
        Finding f = EarlyDropCause.of(e, r.isPrelogin(), ended);
        return new Diagnosis(f.code(), f.message(), f.remediation(), SOURCE);
    }

    /** The client profile of this record's handshake, as the gate would build it for the same stack. */
    public ClientProfile clientOf(HandshakeRecord r) {
        ObservedClient c = new ObservedClient(r.peerHost(), r.peerPort(), r.offeredProtocols(),
                r.offeredCipherSuites());
        JdbcContext jdbc = r.jdbc();
        if (jdbc != null) {
            c.driver(jdbc.driver(), jdbc.version(), settings(jdbc), jdbc.tds8());
        }
        return c.profile(jdk(), trustStoreOptions(), new File(System.getProperty("java.home")));
    }

    private JdkTlsPolicy jdk() {
        JdkTlsPolicy p = jdk;
        if (p == null) {
            p = JdkPolicies.running();
            jdk = p;
        }
        return p;
    }

    /**
     * The driver's TLS settings by URL property name. Drivers whose switch is {@code ssl} (jTDS, r2dbc-mssql) record
     * it as {@code ssl=<mode>} in the context's encrypt field.
     */
    static Map<String, String> settings(JdbcContext jdbc) {
        Map<String, String> m = new LinkedHashMap<String, String>();
        String encrypt = jdbc.encrypt();
        if (encrypt != null && encrypt.startsWith("ssl=")) {
            m.put("ssl", encrypt.substring("ssl=".length()));
        } else {
            m.put("encrypt", encrypt);
        }
        m.put("trustServerCertificate", jdbc.trustServerCertificate());
        return m;
    }

    /** This JVM's trust-store settings as the options the gate reads them from (the password stays in memory). */
    private static List<String> trustStoreOptions() {
        List<String> out = new ArrayList<String>();
        for (String key : Arrays.asList("javax.net.ssl.trustStore", "javax.net.ssl.trustStoreType",
                "javax.net.ssl.trustStorePassword")) {
            String v = System.getProperty(key);
            if (v != null) {
                out.add("-D" + key + "=" + v);
            }
        }
        return out.isEmpty() ? Collections.<String>emptyList() : out;
    }
}
