package io.tlscompat.core.profile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The facts of one certificate that decide TLS compatibility; dates are ISO-8601 instants. Immutable. */
public final class CertificateInfo {
    private final String subject;
    private final String issuer;
    private final List<String> subjectAltNames;
    private final String signatureAlgorithm;
    private final String keyAlgorithm;
    private final int keySize;
    private final String notBefore;
    private final String notAfter;
    private final boolean selfSigned;
    private final String sha256Fingerprint;
    private final String der;

    /**
     * @param signatureAlgorithm JCA name, e.g. SHA256withRSA, MD5withRSA
     * @param keyAlgorithm       RSA, EC, DSA
     * @param notBefore          ISO-8601 instant
     * @param notAfter           ISO-8601 instant
     */
    public CertificateInfo(String subject, String issuer, List<String> subjectAltNames, String signatureAlgorithm,
            String keyAlgorithm, int keySize, String notBefore, String notAfter, boolean selfSigned,
            String sha256Fingerprint) {
        this(subject, issuer, subjectAltNames, signatureAlgorithm, keyAlgorithm, keySize, notBefore, notAfter,
                selfSigned, sha256Fingerprint, null);
    }

    private CertificateInfo(String subject, String issuer, List<String> subjectAltNames, String signatureAlgorithm,
            String keyAlgorithm, int keySize, String notBefore, String notAfter, boolean selfSigned,
            String sha256Fingerprint, String der) {
        this.der = der;
        this.subject = subject;
        this.issuer = issuer;
        this.subjectAltNames = Collections.unmodifiableList(new ArrayList<>(subjectAltNames));
        this.signatureAlgorithm = signatureAlgorithm;
        this.keyAlgorithm = keyAlgorithm;
        this.keySize = keySize;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.selfSigned = selfSigned;
        this.sha256Fingerprint = sha256Fingerprint;
    }

    public String subject() {
        return subject;
    }

    public String issuer() {
        return issuer;
    }

    /** DNS names and IP addresses, as text. */
    public List<String> subjectAltNames() {
        return subjectAltNames;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public String keyAlgorithm() {
        return keyAlgorithm;
    }

    public int keySize() {
        return keySize;
    }

    public String notBefore() {
        return notBefore;
    }

    public String notAfter() {
        return notAfter;
    }

    /** True when subject equals issuer and the signature verifies with its own key. */
    public boolean selfSigned() {
        return selfSigned;
    }

    /** Lower-case hex SHA-256 of the DER encoding. */
    public String sha256Fingerprint() {
        return sha256Fingerprint;
    }

    /**
     * The base64 DER encoding, kept for the entries of {@code certificateChain} so a saved profile can be validated
     * again offline; null for the {@code certificate} entry and for profiles saved before the chain was recorded.
     */
    public String der() {
        return der;
    }

    /** The same facts with the base64 DER encoding attached. */
    public CertificateInfo withDer(String base64Der) {
        return new CertificateInfo(subject, issuer, subjectAltNames, signatureAlgorithm, keyAlgorithm, keySize,
                notBefore, notAfter, selfSigned, sha256Fingerprint, base64Der);
    }

    /** The facts without the encoding: the {@code certificate} entry of a profile. */
    public CertificateInfo withoutDer() {
        return der == null ? this : withDer(null);
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", subject);
        m.put("issuer", issuer);
        m.put("subjectAltNames", subjectAltNames);
        m.put("signatureAlgorithm", signatureAlgorithm);
        m.put("keyAlgorithm", keyAlgorithm);
        m.put("keySize", keySize);
        m.put("notBefore", notBefore);
        m.put("notAfter", notAfter);
        m.put("selfSigned", selfSigned);
        m.put("sha256", sha256Fingerprint);
        if (der != null) {
            m.put("der", der);
        }
        return m;
    }

    static CertificateInfo fromJson(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        return new CertificateInfo(JsonFields.string(m, "subject"), JsonFields.string(m, "issuer"),
                JsonFields.strings(m, "subjectAltNames"), JsonFields.string(m, "signatureAlgorithm"),
                JsonFields.string(m, "keyAlgorithm"), (int) JsonFields.number(m, "keySize"),
                JsonFields.string(m, "notBefore"), JsonFields.string(m, "notAfter"), JsonFields.bool(m, "selfSigned"),
                JsonFields.string(m, "sha256"), JsonFields.string(m, "der"));
    }

    /** Reads {@code certificateChain}; a missing key (a profile saved before the chain existed) is an empty chain. */
    static List<CertificateInfo> listFromJson(Object v) {
        List<CertificateInfo> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!(v instanceof List)) {
            throw new IllegalArgumentException("server profile field 'certificateChain' must be an array");
        }
        for (Object o : (List<?>) v) {
            out.add(fromJson(JsonFields.asObject(o, "certificateChain")));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CertificateInfo && ((CertificateInfo) o).toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
