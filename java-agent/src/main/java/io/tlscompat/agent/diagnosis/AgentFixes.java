package io.tlscompat.agent.diagnosis;

import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.JdbcContext;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.tls.TlsVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the gate's fix ({@link FindingTexts}, the one owner of the wording) for a diagnosis the agent makes, and
 * formats it with what the failed handshake shows: the version the server chose, the versions this JVM offered,
 * the host it connected to, the driver that connected.
 */
final class AgentFixes {
    /** What a server without TLS 1.2 speaks, when the record does not say which version it chose. */
    static final String LEGACY_VERSIONS = "TLSv1, TLSv1.1";
    /** The gate's example suite when this JVM offers no ECDHE_RSA suite to name. */
    static final String EXAMPLE_SUITE = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";

    private AgentFixes() {
    }

    /**
     * No common version: a server without TLS 1.2 (server side; stopgap: re-enable the server's versions here) or a
     * JVM that does not offer TLS 1.2 (client side). The gate compares the best versions only; here a server that
     * accepts TLS 1.2 also gets the client's fix, because a running JVM can be restricted to TLS 1.3 alone
     * (jdk.tls.client.protocols), and enabling TLS 1.2 in it is then the fix.
     *
     * @param serverVersions what the server accepts or chose, in any order; empty when unknown
     */
    static String protocol(HandshakeRecord r, List<String> serverVersions) {
        int clientBest = best(r.offeredProtocols());
        if (!serverVersions.isEmpty()) {
            int serverBest = best(serverVersions);
            if (serverBest != 0 && serverBest < clientBest && serverBest < TlsVersion.TLSv1_2.wireValue()) {
                return String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, bestFirst(serverVersions));
            }
            return String.format(FindingTexts.FIX_PROTOCOL_CLIENT_OLD, offered(r));
        }
        // The server's versions are unknown (a reset, a protocol_version alert): when this JVM offered TLS 1.2 or
        // newer, the server is the old side, and what it lacks is TLS 1.2.
        if (clientBest >= TlsVersion.TLSv1_2.wireValue()) {
            return String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, LEGACY_VERSIONS);
        }
        return String.format(FindingTexts.FIX_PROTOCOL_CLIENT_OLD, offered(r));
    }

    /**
     * No common suite: when the server accepts only TLS_RSA_* (known from a probe), the gate's TLS_RSA fix;
     * otherwise the generic one naming a suite this JVM offers.
     *
     * @param serverSuites the server's suites for the common versions; empty when unknown
     */
    static String cipher(HandshakeRecord r, List<String> serverSuites) {
        boolean allTlsRsa = !serverSuites.isEmpty();
        for (String s : serverSuites) {
            allTlsRsa &= s.startsWith("TLS_RSA_");
        }
        if (allTlsRsa) {
            return FindingTexts.FIX_CIPHER_TLS_RSA;
        }
        String example = EXAMPLE_SUITE;
        for (String s : r.offeredCipherSuites()) {
            if (s.startsWith("TLS_ECDHE_RSA_")) {
                example = s;
                break;
            }
        }
        return String.format(FindingTexts.FIX_CIPHER_GENERIC, example);
    }

    /** The certificate does not name the host this JVM connected to. */
    static String hostname(HandshakeRecord r) {
        return String.format(FindingTexts.FIX_HOSTNAME_MISMATCH, r.peerHost());
    }

    /**
     * A TDS 7.x client against a strict-only server: mssql-jdbc 11.2+ only needs encrypt=strict; older mssql-jdbc,
     * jTDS and unknown drivers need mssql-jdbc 11.2+ first.
     */
    static String strict(HandshakeRecord r) {
        JdbcContext jdbc = r.jdbc();
        if (jdbc != null && "mssql-jdbc".equals(jdbc.driver()) && supportsStrict(jdbc.version())) {
            return FindingTexts.FIX_STRICT_CAPABLE;
        }
        return FindingTexts.FIX_STRICT_UPGRADE;
    }

    /** mssql-jdbc added encrypt=strict (TDS 8) in 11.2.0; versions read like "13.2.1.jre11". */
    static boolean supportsStrict(String version) {
        if (version == null) {
            return false;
        }
        String[] parts = version.split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major > 11 || (major == 11 && minor >= 2);
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }

    /** JSSE's internal name of a version ("TLS10", "TLS12", "SSL30"), as in its error messages, to the JDK name. */
    static String jdkNameOfJsseVersion(String jsse) {
        String s = jsse.toUpperCase(java.util.Locale.ROOT);
        if (s.equals("TLS10")) {
            return "TLSv1";
        }
        if (s.equals("SSL30")) {
            return "SSLv3";
        }
        if (s.length() == 5 && s.startsWith("TLS1")) {
            return "TLSv1." + s.charAt(4);
        }
        return null;
    }

    private static String offered(HandshakeRecord r) {
        return r.offeredProtocols().isEmpty() ? LEGACY_VERSIONS : String.join(", ", r.offeredProtocols());
    }

    /** Best first, like the gate's lists. */
    private static String bestFirst(List<String> versions) {
        List<String> sorted = new ArrayList<String>(versions);
        Collections.sort(sorted, new Comparator<String>() {
            @Override
            public int compare(String a, String b) {
                return Integer.compare(rank(b), rank(a));
            }
        });
        return String.join(", ", sorted);
    }

    private static int rank(String version) {
        TlsVersion v = TlsVersion.fromJdkName(version);
        return v == null ? 0 : v.wireValue();
    }

    private static int best(List<String> versions) {
        int best = 0;
        for (String p : versions) {
            best = Math.max(best, rank(p));
        }
        return best;
    }
}
