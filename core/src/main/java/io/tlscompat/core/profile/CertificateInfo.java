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

    /**
     * @param signatureAlgorithm JCA name, e.g. SHA256withRSA, MD5withRSA
     * @param keyAlgorithm       RSA, EC, DSA
     * @param notBefore          ISO-8601 instant
     * @param notAfter           ISO-8601 instant
     */
    public CertificateInfo(String subject, String issuer, List<String> subjectAltNames, String signatureAlgorithm,
            String keyAlgorithm, int keySize, String notBefore, String notAfter, boolean selfSigned,
            String sha256Fingerprint) {
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
                JsonFields.string(m, "sha256"));
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
