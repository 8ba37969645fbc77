package io.tlscompat.core.eval;

import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.tls.TlsVersion;

import java.util.List;

/**
 * Picks the fix ({@link FindingTexts}) for a finding from what both sides offer. The one owner of that choice: the
 * gate's {@link Evaluator} and the agent's diagnosis of a recorded handshake both call it, so the same failure gets
 * the same advice from either product.
 */
public final class Remedies {
    /** What a server without TLS 1.2 speaks, when the server's versions are not known. */
    static final String LEGACY_VERSIONS = "TLSv1, TLSv1.1";
    /** The example suite when the client offers no ECDHE_RSA suite to name. */
    static final String EXAMPLE_SUITE = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";

    private Remedies() {
    }

    /**
     * No common version. The server is the side to change only when its best version is older than both the
     * client's best and TLS 1.2; otherwise the client is (a JVM restricted to TLS 1.3 by
     * {@code jdk.tls.client.protocols} against a TLS 1.2 server needs TLS 1.2 back, not a new server).
     *
     * @param serverProtocols what the server accepts, in any order; empty when it completed no handshake at all
     */
    public static String protocol(ClientProfile client, List<String> serverProtocols) {
        if (client.kind() == ClientProfile.Kind.WINDOWS) {
            return String.format(FindingTexts.FIX_PROTOCOL_WINDOWS, client.name());
        }
        if (serverProtocols.isEmpty()) {
            return FindingTexts.FIX_PROTOCOL_SERVER_NONE;
        }
        int serverBest = best(serverProtocols);
        if (serverBest != 0 && serverBest < best(client.protocols()) && serverBest < TlsVersion.TLSv1_2.wireValue()) {
            return String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD,
                    String.join(", ", TlsVersion.bestFirst(serverProtocols)));
        }
        return String.format(FindingTexts.FIX_PROTOCOL_CLIENT_OLD, offered(client));
    }

    /**
     * No common version, and the server's versions are not known (a reset, a protocol_version alert): when the
     * client offered TLS 1.2 or newer, the server is the old side, and what it lacks is TLS 1.2.
     */
    public static String protocolServerUnknown(ClientProfile client) {
        if (best(client.protocols()) >= TlsVersion.TLSv1_2.wireValue()) {
            return String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, LEGACY_VERSIONS);
        }
        return String.format(FindingTexts.FIX_PROTOCOL_CLIENT_OLD, offered(client));
    }

    /**
     * No common suite: a server with TLS_RSA_* only gets the TLS_RSA fix; otherwise the generic one naming a suite
     * the client offers.
     *
     * @param serverSuites the server's suites for the negotiated version; empty when unknown
     */
    public static String cipher(List<String> clientSuites, List<String> serverSuites) {
        boolean allTlsRsa = !serverSuites.isEmpty();
        for (String s : serverSuites) {
            allTlsRsa &= s.startsWith("TLS_RSA_");
        }
        if (allTlsRsa) {
            return FindingTexts.FIX_CIPHER_TLS_RSA;
        }
        String example = EXAMPLE_SUITE;
        for (String s : clientSuites) {
            if (s.startsWith("TLS_ECDHE_RSA_")) {
                example = s;
                break;
            }
        }
        return String.format(FindingTexts.FIX_CIPHER_GENERIC, example);
    }

    /** A TDS 7.x client against a strict-only server: by the client's kind and whether its driver can do TDS 8. */
    public static String strict(ClientProfile client) {
        if (client.kind() == ClientProfile.Kind.WINDOWS) {
            return FindingTexts.FIX_STRICT_WINDOWS;
        }
        return client.strictCapable() ? FindingTexts.FIX_STRICT_CAPABLE : FindingTexts.FIX_STRICT_UPGRADE;
    }

    /** The certificate does not name the host the client checks. */
    public static String hostname(ClientProfile client) {
        return String.format(FindingTexts.FIX_HOSTNAME_MISMATCH, client.hostnameToCheck());
    }

    private static String offered(ClientProfile client) {
        return client.protocols().isEmpty() ? LEGACY_VERSIONS : String.join(", ", client.protocols());
    }

    private static int best(List<String> versions) {
        int best = 0;
        for (String p : versions) {
            best = Math.max(best, TlsVersion.rank(p));
        }
        return best;
    }
}
