package io.tlscompat.core.finding;

/**
 * The one list of finding codes, shared by the gate ({@code tls-compat:verify}) and the agent's diagnosis, so a
 * production record and a build report speak the same language. The codes are a public contract: never rename.
 */
public enum FindingCode {
    /** No common TLS version between client and server (scenario 1). */
    PROTOCOL_MISMATCH("protocol-mismatch"),
    /** A common version but no common cipher suite (scenario 2). */
    CIPHER_MISMATCH("cipher-mismatch"),
    /** The server certificate is signed with a hash a client refuses (scenario 3). */
    WEAK_CERTIFICATE_SIGNATURE("weak-certificate-signature"),
    /** DHE suites can be negotiated; unpatched Windows peers fail intermittently (scenario 4, KB4557473). */
    DHE_LEADING_ZERO_RISK("dhe-leading-zero-risk"),
    /** The server's DHE group is smaller than the client accepts (or larger than an old client can handle). */
    DH_GROUP_TOO_SMALL("dh-group-too-small"),
    /** Certificate validation will fail: no trusted path to the server certificate. */
    CERTIFICATE_UNTRUSTED("certificate-untrusted"),
    /** Certificate validation will fail: the host name is not in the certificate. */
    CERTIFICATE_HOSTNAME_MISMATCH("certificate-hostname-mismatch"),
    /** Certificate validation will fail: the certificate is expired or not yet valid. */
    CERTIFICATE_EXPIRED("certificate-expired"),
    /** The certificate expires within certificateExpiryWarningDays: a warning for validating clients, else info. */
    CERTIFICATE_EXPIRING("certificate-expiring"),
    /** The client asks for encryption and the server's PRELOGIN says it cannot. */
    ENCRYPTION_NOT_SUPPORTED("encryption-not-supported"),
    /** A force-strict (TDS 8 only) server meets a TDS 7.x client. */
    STRICT_ENCRYPTION_REQUIRED("strict-encryption-required"),
    /** The client would negotiate TLS 1.3 inside TDS 7.x framing, which breaks. */
    TLS13_OVER_TDS7("tls13-over-tds7"),
    /** The handshake works but below TLS 1.2. */
    LEGACY_PROTOCOL("legacy-protocol"),
    /** The server could not be reached or does not speak TDS. */
    SERVER_UNREACHABLE("server-unreachable"),
    /** The gate's rehearsal saw the real driver's handshake fail and the agent could not name why. */
    HANDSHAKE_FAILED("handshake-failed"),
    /** The rehearsal's observation disagrees with the prediction (either way): the knowledge base needs a fix. */
    PREDICTION_MISMATCH("prediction-mismatch");

    private final String code;

    FindingCode(String code) {
        this.code = code;
    }

    /** The stable code, e.g. {@code protocol-mismatch}. */
    public String code() {
        return code;
    }

    /** @return the finding code with this text, or null. */
    public static FindingCode fromCode(String code) {
        for (FindingCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return code;
    }
}
