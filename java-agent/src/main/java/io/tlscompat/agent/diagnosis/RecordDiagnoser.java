package io.tlscompat.agent.diagnosis;

import io.tlscompat.agent.record.Diagnosis;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.agent.record.PeerCertificate;
import io.tlscompat.agent.record.Phase;
import io.tlscompat.core.client.DisabledAlgorithms;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.eval.Remedies;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Names the cause of a failure from the record alone, where the record suffices: JSSE's own words (PKIX,
 * algorithm constraints on the certificate or the DH group, "No appropriate protocol", "not accepted by client
 * preferences"), a received alert, TLS 1.3 chosen inside TDS 7.x, a legacy protocol on success. Returns null when the record cannot tell (a reset
 * before ServerHello looks the same for three causes: that needs the probe).
 */
public final class RecordDiagnoser {
    static final String SOURCE = "record";

    private final HandshakeJudge judge;
    private Boolean jdkDisablesLegacyTls;

    /**
     * @param judge                builds the record's client profile, for the gate's choice of remediation
     * @param jdkDisablesLegacyTls true when this JVM's jdk.tls.disabledAlgorithms lists TLSv1 and TLSv1.1
     */
    public RecordDiagnoser(HandshakeJudge judge, boolean jdkDisablesLegacyTls) {
        this.judge = judge;
        this.jdkDisablesLegacyTls = jdkDisablesLegacyTls;
    }

    /** Reads this JVM's setting on first use (on the writer thread, not at start-up). */
    public RecordDiagnoser(HandshakeJudge judge) {
        this.judge = judge;
        this.jdkDisablesLegacyTls = null;
    }

    private boolean jdkDisablesLegacyTls() {
        if (jdkDisablesLegacyTls == null) {
            jdkDisablesLegacyTls = currentJdkDisablesLegacyTls();
        }
        return jdkDisablesLegacyTls;
    }

    /** This JVM's DH minimum in the words of its security property, e.g. {@code DH keySize < 2048}. */
    static String dhMinimum() {
        int bits = jdkTlsDisabled().minDhBits();
        return bits > 0 ? "jdk.tls.disabledAlgorithms: DH keySize < " + bits : "jdk.tls.disabledAlgorithms";
    }

    /** Reads this JVM's security property once. */
    public static boolean currentJdkDisablesLegacyTls() {
        DisabledAlgorithms disabled = jdkTlsDisabled();
        return disabled.disablesProtocol("TLSv1") && disabled.disablesProtocol("TLSv1.1");
    }

    /** This JVM's {@code jdk.tls.disabledAlgorithms}, parsed by core's one parser. */
    private static DisabledAlgorithms jdkTlsDisabled() {
        return DisabledAlgorithms.parse(java.security.Security.getProperty("jdk.tls.disabledAlgorithms"));
    }

    public Diagnosis diagnose(HandshakeRecord r) {
        if (r.outcome() == Outcome.OK) {
            if ("TLSv1".equals(r.protocol()) || "TLSv1.1".equals(r.protocol())) {
                return d(FindingCode.LEGACY_PROTOCOL, "negotiated " + r.protocol() + " with " + r.server(),
                        FindingTexts.FIX_LEGACY_PROTOCOL);
            }
            return null;
        }
        String text = r.failureText();
        // mssql-jdbc's words, then jTDS's (Messages.properties error.ssl.encryptionoff)
        if (text.contains("not configured to support ssl") || text.contains("server is not configured to support")
                || text.contains("encryption is not enabled at the server")) {
            return d(FindingCode.ENCRYPTION_NOT_SUPPORTED, r.server() + " answered PRELOGIN with ENCRYPT_NOT_SUP"
                    + " while this client requires encryption", FindingTexts.FIX_ENCRYPTION_NOT_SUPPORTED);
        }
        if (text.contains("not accepted by client preferences") || text.contains("no appropriate protocol")
                || text.contains("protocol_version")) {
            return d(FindingCode.PROTOCOL_MISMATCH, "no TLS version in common with " + r.server()
                    + "; this JVM offers " + join(r) + quote(text), protocolFix(r, serverChose(text)));
        }
        if (text.contains("dh serverkeyexchange does not comply")) {
            // JSSE's words when the server's DHE group is below this JVM's "DH keySize < N"
            return d(FindingCode.DH_GROUP_TOO_SMALL, "the DHE group of " + r.server() + " is smaller than this JVM"
                    + " accepts (" + dhMinimum() + ")", FindingTexts.FIX_DH_TOO_SMALL);
        }
        if ((text.contains("algorithm constraints") || text.contains("does not conform"))
                && weakSignature(r, text)) {
            return d(FindingCode.WEAK_CERTIFICATE_SIGNATURE, "the certificate of " + r.server() + " is signed with "
                    + signature(r, text) + ", which this JVM refuses", FindingTexts.FIX_WEAK_SIGNATURE);
        }
        if (text.contains("no subject alternative") || text.contains("no name matching")
                || text.contains(io.tlscompat.agent.record.FailureClassifier.DRIVER_HOST_NAME_CHECK)) {
            return d(FindingCode.CERTIFICATE_HOSTNAME_MISMATCH, "the certificate of " + r.server()
                    + " does not name " + r.peerHost(), Remedies.hostname(judge.clientOf(r)));
        }
        if (text.contains("certificateexpired") || text.contains("certificate expired")) {
            return d(FindingCode.CERTIFICATE_EXPIRED, "the certificate of " + r.server() + " is expired",
                    FindingTexts.FIX_EXPIRED);
        }
        if (text.contains("pkix") || text.contains("unable to find valid certification path")) {
            return d(FindingCode.CERTIFICATE_UNTRUSTED, "no trusted path to the certificate of " + r.server()
                    + untrustedContext(r), FindingTexts.FIX_UNTRUSTED);
        }
        if (text.contains("no negotiable cipher") || text.contains("no appropriate cipher")
                || text.contains("insufficient_security")) {
            return d(FindingCode.CIPHER_MISMATCH, "no cipher suite in common with " + r.server(),
                    Remedies.cipher(r.offeredCipherSuites(), Collections.<String>emptyList()));
        }
        if (r.jdbc() != null && !r.jdbc().tds8() && isTls13(r.cipherSuite())) {
            return d(FindingCode.TLS13_OVER_TDS7, "the server chose TLS 1.3 (" + r.cipherSuite()
                    + ") inside TDS 7.x framing, which breaks", FindingTexts.FIX_TLS13_OVER_TDS7);
        }
        return null;
    }

    /**
     * The record-only guess for a reset/close before ServerHello: used when the probe is off or could not reach
     * the server. Only a guess when this JVM offers nothing below TLS 1.2 and has TLS 1.0/1.1 disabled.
     */
    public Diagnosis guessBeforeServerHello(HandshakeRecord r) {
        if (!isEarlyDrop(r) || r.isPrelogin() || !jdkDisablesLegacyTls() || offersLegacy(r)) {
            return null;
        }
        return d(FindingCode.PROTOCOL_MISMATCH, "dropped after ClientHello offering only " + join(r)
                + " (this JVM disables TLS 1.0/1.1); likely a server without TLS 1.2, but a cipher mismatch or a"
                + " weakly signed certificate look the same: run 'probe' to be sure",
                Remedies.protocolServerUnknown(judge.clientOf(r)));
    }

    /** A reset or close right after ClientHello: the case the record alone cannot name. */
    public static boolean isEarlyDrop(HandshakeRecord r) {
        boolean dropped = r.outcome() == Outcome.RESET || r.outcome() == Outcome.CLOSE
                || r.outcome() == Outcome.ALERT;
        return dropped && (r.phase() == Phase.CLIENT_HELLO_SENT || r.isPrelogin());
    }

    private static boolean offersLegacy(HandshakeRecord r) {
        return r.offeredProtocols().contains("TLSv1") || r.offeredProtocols().contains("TLSv1.1");
    }

    private static String untrustedContext(HandshakeRecord r) {
        if (r.jdbc() != null && "mssql-jdbc".equals(r.jdbc().driver())) {
            return " (mssql-jdbc " + r.jdbc().version() + ": encrypt=" + r.jdbc().encrypt()
                    + ", trustServerCertificate=" + r.jdbc().trustServerCertificate()
                    + "; 10.2+ validates by default)";
        }
        return "";
    }

    private static boolean weakSignature(HandshakeRecord r, String text) {
        return signature(r, text) != null;
    }

    private static String signature(HandshakeRecord r, String text) {
        PeerCertificate c = r.peerCertificate();
        if (c != null && c.signatureAlgorithm() != null) {
            String s = c.signatureAlgorithm().toUpperCase(Locale.ROOT);
            if (s.contains("MD5") || s.contains("MD2") || s.contains("SHA1")) {
                return c.signatureAlgorithm();
            }
        }
        if (text.contains("md5")) {
            return "MD5";
        }
        if (text.contains("sha1")) {
            return "SHA-1";
        }
        return null;
    }

    static boolean isTls13(String suiteName) {
        if (suiteName == null) {
            return false;
        }
        CipherSuite s = CipherSuites.byName(suiteName);
        return s != null && s.isTls13();
    }

    private static String join(HandshakeRecord r) {
        return r.offeredProtocols().isEmpty() ? "(unknown)" : String.join(", ", r.offeredProtocols());
    }

    /** The version the server chose, from JSSE's "server selected protocol version TLS10 ..."; empty if not said. */
    private static List<String> serverChose(String text) {
        String marker = "the server selected protocol version ";
        int i = text.indexOf(marker);
        if (i < 0) {
            return Collections.emptyList();
        }
        int end = text.indexOf(' ', i + marker.length());
        String name = jdkNameOfJsseVersion(text.substring(i + marker.length(), end < 0 ? text.length()
                : end));
        return name == null ? Collections.<String>emptyList() : Collections.singletonList(name);
    }

    /** The gate's remediation for no common version, given the version the server chose, when JSSE named it. */
    private String protocolFix(HandshakeRecord r, List<String> serverChose) {
        ClientProfile client = judge.clientOf(r);
        return serverChose.isEmpty() ? Remedies.protocolServerUnknown(client) : Remedies.protocol(client, serverChose);
    }

    /** JSSE's internal name of a version ("TLS10", "TLS12", "SSL30"), as in its error messages, to the JDK name. */
    static String jdkNameOfJsseVersion(String jsse) {
        String s = jsse.toUpperCase(Locale.ROOT);
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

    private static String quote(String text) {
        int i = text.indexOf("the server selected protocol version");
        if (i < 0) {
            return "";
        }
        int end = text.indexOf(" is not accepted", i);
        return end < 0 ? "" : " (" + text.substring(i + 4, end).replace("server selected protocol version ",
                "server chose ") + ")";
    }

    static Diagnosis d(FindingCode code, String message, String remediation) {
        return new Diagnosis(code, message, remediation, SOURCE);
    }
}
