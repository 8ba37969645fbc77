package io.tlscompat.simulator;

/** The hash in the signature of the certificate the simulator serves (always RSA-signed). */
public enum CertificateSignature {
    MD5("MD5withRSA"),
    SHA1("SHA1withRSA"),
    SHA224("SHA224withRSA"),
    SHA256("SHA256withRSA"),
    SHA384("SHA384withRSA"),
    SHA512("SHA512withRSA");

    private final String jcaName;

    CertificateSignature(String jcaName) {
        this.jcaName = jcaName;
    }

    /** The JCA signature algorithm name, e.g. {@code SHA256withRSA} (also what the JDK reports for the cert). */
    public String jcaName() {
        return jcaName;
    }

    /**
     * True for the hashes Microsoft lists as breaking TLS 1.2 on a Windows server ("certificates signed by a
     * weak-hash algorithm, such as MD5, SHA224, or SHA512 ... will not work with TLS 1.2", scenario 3 of the
     * "existing connection was forcibly closed" article), read from core's knowledge base, the one list.
     */
    public boolean rejectedBySchannelOnTls12() {
        return io.tlscompat.core.kb.KnowledgeBase.get().schannelRefusedCertificateHashesTls12().contains(name());
    }

    /** Parses {@code MD5}, {@code SHA-1}, {@code sha256}, {@code SHA256withRSA}...; null when unknown. */
    public static CertificateSignature fromText(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT).replace("-", "").replace("WITHRSA", "");
        for (CertificateSignature s : values()) {
            if (s.name().equals(t)) {
                return s;
            }
        }
        return null;
    }
}
