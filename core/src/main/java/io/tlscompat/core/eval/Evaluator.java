package io.tlscompat.core.eval;

import io.tlscompat.core.client.CertificateValidation;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tls.TlsVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Compares what a client will offer with what a server accepts and predicts the handshake the way it will happen:
 * framing first (TDS 7.x PRELOGIN or TDS 8 strict), then the highest common version, then the suite (server order
 * when the server imposes it), then what the client does with the certificate. Each problem becomes a
 * {@link Finding}; a handshake-ending problem stops the later checks, because the client never gets that far.
 */
public final class Evaluator {
    static final String TDS7 = "TDS 7.x";
    static final String TDS8 = "TDS 8 (strict)";
    static final String NO_TLS = "none";

    /** The default of {@code <certificateExpiryWarningDays>}. */
    public static final int DEFAULT_EXPIRY_WARNING_DAYS = 30;

    private final Instant now;
    private final boolean windowsClientsDeclared;
    private final CertificateChecks certificates;

    /**
     * @param now                    the instant certificate dates are judged at
     * @param windowsClientsDeclared true when the project declares Windows client profiles; then their own
     *                               evaluations report Schannel's certificate refusals, not the Java stack's
     */
    public Evaluator(Instant now, boolean windowsClientsDeclared) {
        this(now, windowsClientsDeclared, DEFAULT_EXPIRY_WARNING_DAYS);
    }

    /**
     * @param expiryWarningDays a certificate expiring within this many days gets {@code certificate-expiring}
     */
    public Evaluator(Instant now, boolean windowsClientsDeclared, int expiryWarningDays) {
        this.now = now;
        this.windowsClientsDeclared = windowsClientsDeclared;
        this.certificates = new CertificateChecks(now, expiryWarningDays);
    }

    /** The finding for a server that could not be probed. */
    public Evaluation unreachable(String target, ClientProfile client, String reason, Severity severity) {
        Findings f = new Findings(target, client);
        f.add(FindingCode.SERVER_UNREACHABLE, severity, String.format(FindingTexts.UNREACHABLE, target, reason),
                FindingTexts.FIX_UNREACHABLE, Finding.Subject.SERVER, "target", target, "reason", reason);
        return new Evaluation(target, client, null, NO_TLS, null, null, f.list());
    }

    /** Predicts the handshake of {@code client} with {@code server} and lists what goes wrong. */
    public Evaluation evaluate(String target, ClientProfile client, ServerProfile server) {
        Findings f = new Findings(target, client);
        if (!client.usesTls()) {
            return new Evaluation(target, client, server, NO_TLS, null, null, f.list());
        }
        PathProfile path;
        String framing;
        if (client.strict()) {
            framing = TDS8;
            path = server.tds8();
            if (!path.supported()) {
                f.add(FindingCode.PROTOCOL_MISMATCH, Severity.ERROR,
                        String.format(FindingTexts.PROTOCOL_MISMATCH, framing, join(client.protocols()), ""),
                        FindingTexts.FIX_PROTOCOL_NO_TDS8, Finding.Subject.URL, "framing", framing,
                        "clientProtocols", client.protocols(), "serverProtocols", Collections.emptyList());
                return new Evaluation(target, client, server, framing, null, null, f.list());
            }
        } else {
            framing = TDS7;
            path = server.tds7();
            if (!path.supported() && server.tds8().supported()) {
                f.add(FindingCode.STRICT_ENCRYPTION_REQUIRED, Severity.ERROR, FindingTexts.STRICT_REQUIRED,
                        Remedies.strict(client),
                        client.strictCapable() ? Finding.Subject.URL : Finding.Subject.DRIVER,
                        "serverTds7", false, "serverTds8", true, "clientStrictCapable", client.strictCapable());
                return new Evaluation(target, client, server, framing, null, null, f.list());
            }
            EncryptionLevel enc = server.prelogin() == null ? null : server.prelogin().encryption();
            if (enc == EncryptionLevel.NOT_SUP) {
                if (client.requestsEncryption()) {
                    f.add(FindingCode.ENCRYPTION_NOT_SUPPORTED, Severity.ERROR,
                            String.format(FindingTexts.ENCRYPTION_NOT_SUPPORTED, client.name()),
                            FindingTexts.FIX_ENCRYPTION_NOT_SUPPORTED, Finding.Subject.URL,
                            "serverEncryption", enc.name(), "clientRequestsEncryption", true);
                }
                return new Evaluation(target, client, server, NO_TLS, null, null, f.list());
            }
        }
        return handshake(target, client, server, path, framing, f);
    }

    private Evaluation handshake(String target, ClientProfile client, ServerProfile server, PathProfile path,
            String framing, Findings f) {
        List<String> serverProtocols = new ArrayList<>();
        for (TlsVersion v : path.protocols().keySet()) {
            serverProtocols.add(0, v.jdkName()); // best first, like the client's list
        }
        String negotiated = null;
        for (String p : client.protocols()) {
            if (serverProtocols.contains(p) && (negotiated == null || rank(p) > rank(negotiated))) {
                negotiated = p;
            }
        }
        if (negotiated == null && client.protocols().contains("TLSv1.2") && !serverProtocols.contains("TLSv1.2")
                && SchannelCertificateRule.blocksTls12(server.certificate())) {
            // The version list is a symptom: the certificate is what keeps TLS 1.2 from working.
            String sig = server.certificate().signatureAlgorithm();
            f.add(FindingCode.WEAK_CERTIFICATE_SIGNATURE, Severity.ERROR, String.format(
                    FindingTexts.WEAK_SIGNATURE_BLOCKS_TLS12, sig, join(serverProtocols), join(client.protocols())),
                    FindingTexts.FIX_WEAK_SIGNATURE, Finding.Subject.SERVER, "signatureAlgorithm", sig,
                    "issuer", server.certificate().issuer(), "framing", framing, "clientProtocols", client.protocols(),
                    "serverProtocols", serverProtocols);
            return new Evaluation(target, client, server, framing, null, null, f.list());
        }
        if (negotiated == null) {
            f.add(FindingCode.PROTOCOL_MISMATCH, Severity.ERROR, String.format(FindingTexts.PROTOCOL_MISMATCH, framing,
                    join(client.protocols()), join(serverProtocols)), Remedies.protocol(client, serverProtocols),
                    client.kind() == ClientProfile.Kind.JAVA ? Finding.Subject.JDK : Finding.Subject.SERVER,
                    "framing", framing, "clientProtocols", client.protocols(), "serverProtocols", serverProtocols);
            return new Evaluation(target, client, server, framing, null, null, f.list());
        }
        TlsVersion version = TlsVersion.fromJdkName(negotiated);
        ProtocolSupport support = path.protocols().get(version);
        List<String> clientSuites = SuiteSelection.usableFor(version, client.suites());
        String suite = SuiteSelection.select(clientSuites, support);
        if (suite == null) {
            f.add(FindingCode.CIPHER_MISMATCH, Severity.ERROR, String.format(FindingTexts.CIPHER_MISMATCH, negotiated,
                    join(support.cipherSuites()), clientSuites.size()), Remedies.cipher(clientSuites, support.cipherSuites()),
                    client.kind() == ClientProfile.Kind.JAVA ? Finding.Subject.JDK : Finding.Subject.SERVER,
                    "protocol", negotiated, "clientSuites", clientSuites, "serverSuites", support.cipherSuites());
            return new Evaluation(target, client, server, framing, negotiated, null, f.list());
        }
        if (version == TlsVersion.TLSv1_3 && !client.strict()) {
            f.add(FindingCode.TLS13_OVER_TDS7, Severity.ERROR, FindingTexts.TLS13_OVER_TDS7,
                    FindingTexts.FIX_TLS13_OVER_TDS7, Finding.Subject.URL, "framing", framing, "protocol", negotiated,
                    "clientProtocols", client.protocols(), "serverProtocols", serverProtocols);
        }
        if (rank(negotiated) < rank("TLSv1.2")) {
            f.add(FindingCode.LEGACY_PROTOCOL, Severity.WARNING, String.format(FindingTexts.LEGACY_PROTOCOL, negotiated),
                    FindingTexts.FIX_LEGACY_PROTOCOL, Finding.Subject.SERVER, "protocol", negotiated,
                    "clientProtocols", client.protocols(), "serverProtocols", serverProtocols);
        }
        if (suite.startsWith("TLS_DHE_")) {
            dhe(client, server, suite, f);
        }
        certificates.check(client, server, negotiated, windowsClientsDeclared, f);
        return new Evaluation(target, client, server, framing, negotiated, suite, f.list());
    }

    private static void dhe(ClientProfile client, ServerProfile server, String suite, Findings f) {
        Integer bits = server.dheGroupBits();
        if (bits != null && (bits < client.minDhBits() || bits > client.maxDhBits())) {
            f.add(FindingCode.DH_GROUP_TOO_SMALL, Severity.ERROR, String.format(FindingTexts.DH_TOO_SMALL, bits,
                    client.minDhBits(), client.maxDhBits()),
                    bits < client.minDhBits() ? FindingTexts.FIX_DH_TOO_SMALL : FindingTexts.FIX_DH_TOO_LARGE,
                    Finding.Subject.SERVER, "suite", suite, "serverGroupBits", bits, "clientMinBits",
                    client.minDhBits(), "clientMaxBits", client.maxDhBits());
        }
        // The bug needs one unpatched Windows side; the server's patch level cannot be seen from here, so a DHE
        // handshake with any Windows SQL Server is a risk (KB4557473: "typically seen with non-Windows crypto").
        f.add(FindingCode.DHE_LEADING_ZERO_RISK, Severity.WARNING, String.format(FindingTexts.DHE_RISK, suite),
                FindingTexts.FIX_DHE_RISK, Finding.Subject.SERVER, "suite", suite, "clientHasLeadingZeroFix",
                client.dheLeadingZeroFixed(), "serverGroupBits", bits);
    }

    static int rank(String protocol) {
        return TlsVersion.rank(protocol);
    }

    static String join(List<String> items) {
        return String.join(", ", items);
    }

    /** Collects findings for one target and client. */
    static final class Findings {
        private final String target;
        private final ClientProfile client;
        private final List<Finding> list = new ArrayList<>();

        Findings(String target, ClientProfile client) {
            this.target = target;
            this.client = client;
        }

        void add(FindingCode code, Severity severity, String message, String fix, Finding.Subject subject,
                Object... evidence) {
            Map<String, Object> e = new java.util.LinkedHashMap<>();
            for (int i = 0; i + 1 < evidence.length; i += 2) {
                e.put((String) evidence[i], evidence[i + 1]);
            }
            e.put("client", client.name());
            list.add(new Finding(code, severity, target, client.name(), message, fix, e, subject));
        }

        List<Finding> list() {
            return list;
        }
    }

    /** Whether the client validates the certificate given what the server's PRELOGIN says. */
    static boolean validates(ClientProfile client, ServerProfile server) {
        if (client.strict() || client.validation() == CertificateValidation.ALWAYS) {
            return true;
        }
        if (client.validation() == CertificateValidation.WHEN_SERVER_FORCES && server.prelogin() != null) {
            EncryptionLevel e = server.prelogin().encryption();
            return e == EncryptionLevel.ON || e == EncryptionLevel.REQ;
        }
        return false;
    }

    Instant now() {
        return now;
    }
}
