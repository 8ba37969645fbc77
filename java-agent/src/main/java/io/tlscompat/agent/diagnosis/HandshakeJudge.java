package io.tlscompat.agent.diagnosis;

import io.tlscompat.agent.record.Diagnosis;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.JdbcContext;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.client.JdkTlsPolicy;
import io.tlscompat.core.client.ObservedClient;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Evaluator;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.profile.ServerProfile;
import java.io.File;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Judges a recorded handshake with the gate's engine: the record becomes a {@link ClientProfile} (what this JVM
 * really offered, the driver and its settings, this JVM's policy) and core's {@link Evaluator} evaluates it against
 * the probed {@link ServerProfile}. The first error the evaluator names that can end a handshake the way this one
 * ended is the diagnosis, with the gate's own message and remediation. When the model names no such cause, the
 * record says that model and observation disagree instead of guessing. Writer and probe threads only.
 */
public final class HandshakeJudge {
    /** {@code %1$s} = server, {@code %2$s} = how the handshake ended, {@code %3$s} = what the model expected. */
    public static final String MODEL_DISAGREES = "the handshake with %1$s ended with %2$s, but the gate's model of"
            + " this JVM against the server's probe profile predicts %3$s";
    /** The remediation of a disagreement. */
    public static final String FIX_MODEL_DISAGREES = "Report this record with 'java -jar tls-compat-agent.jar probe"
            + " --json <server>' so that the knowledge base can be fixed; meanwhile read the exception: the server may"
            + " have dropped the connection for a reason TLS does not show (overload, a firewall, a restart).";
    /** How the model's success reads in {@link #MODEL_DISAGREES}. */
    static final String PREDICTS_SUCCESS = "a successful handshake";

    static final String SOURCE = "probe";

    /**
     * Causes that can make a server drop the handshake right after the ClientHello (or refuse the PRELOGIN): the
     * framing, the versions, the suites, and a certificate the server will not use with what the client accepts.
     * The rest (trust, host name, dates, the DH group, TLS 1.3 inside TDS 7.x) end the handshake later, on the
     * client's side, and cannot explain an early drop.
     */
    private static final Set<FindingCode> EARLY_DROP_CAUSES = EnumSet.of(FindingCode.STRICT_ENCRYPTION_REQUIRED,
            FindingCode.ENCRYPTION_NOT_SUPPORTED, FindingCode.PROTOCOL_MISMATCH, FindingCode.CIPHER_MISMATCH,
            FindingCode.WEAK_CERTIFICATE_SIGNATURE);
    /** Causes that end the exchange before any TLS, in the PRELOGIN. */
    private static final Set<FindingCode> PRELOGIN_CAUSES = EnumSet.of(FindingCode.STRICT_ENCRYPTION_REQUIRED,
            FindingCode.ENCRYPTION_NOT_SUPPORTED);

    private volatile JdkTlsPolicy jdk;

    /** Judges on this JVM's policy, read once, on first use. */
    public HandshakeJudge() {
    }

    /** Judges on the given policy (tests). */
    HandshakeJudge(JdkTlsPolicy jdk) {
        this.jdk = jdk;
    }

    /** The diagnosis of an early drop from the server's profile; never null. */
    public Diagnosis judge(HandshakeRecord r, ServerProfile server) {
        Evaluation e = new Evaluator(Instant.now(), false).evaluate(r.server(), clientOf(r), server);
        Finding firstError = null;
        for (Finding f : e.findings()) {
            if (f.severity() != Severity.ERROR) {
                continue;
            }
            if (firstError == null) {
                firstError = f;
            }
            if ((r.isPrelogin() ? PRELOGIN_CAUSES : EARLY_DROP_CAUSES).contains(f.code())) {
                return new Diagnosis(f.code(), f.message(), f.remediation(), SOURCE);
            }
        }
        String predicted = firstError == null ? PREDICTS_SUCCESS : firstError.code().code();
        String ended = r.outcome().value() + (r.isPrelogin() ? " in the PRELOGIN"
                : r.phase() == null ? "" : " after " + r.phase().value());
        return new Diagnosis(FindingCode.HANDSHAKE_FAILED, String.format(MODEL_DISAGREES, r.server(), ended,
                predicted), FIX_MODEL_DISAGREES, SOURCE);
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

    /** The driver's TLS settings by URL property name; jTDS records its mode as {@code ssl=<mode>}. */
    static Map<String, String> settings(JdbcContext jdbc) {
        Map<String, String> m = new LinkedHashMap<String, String>();
        String encrypt = jdbc.encrypt();
        if (encrypt != null && encrypt.startsWith("ssl=")) {
            m.put("ssl", encrypt.substring("ssl=".length()));
        } else {
            m.put("encrypt", encrypt);
            m.put("trustServerCertificate", jdbc.trustServerCertificate());
        }
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
