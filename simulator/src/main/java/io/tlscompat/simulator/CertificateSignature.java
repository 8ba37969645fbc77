package io.tlscompat.simulator;

/** The hash in the signature of the certificate the simulator serves (always RSA-signed). */
public enum CertificateSignature {
    MD5("MD5withRSA", true),
    SHA1("SHA1withRSA", false),
    SHA224("SHA224withRSA", true),
    SHA256("SHA256withRSA", false),
    SHA384("SHA384withRSA", false),
    SHA512("SHA512withRSA", true);

    private final String jcaName;
    private final boolean rejectedBySchannelOnTls12;

    CertificateSignature(String jcaName, boolean rejectedBySchannelOnTls12) {
        this.jcaName = jcaName;
        this.rejectedBySchannelOnTls12 = rejectedBySchannelOnTls12;
    }

    /** The JCA signature algorithm name, e.g. {@code SHA256withRSA} (also what the JDK reports for the cert). */
    public String jcaName() {
        return jcaName;
    }

    /**
     * True for the hashes Microsoft lists as breaking TLS 1.2 on a Windows server ("certificates signed by a
     * weak-hash algorithm, such as MD5, SHA224, or SHA512 ... will not work with TLS 1.2", scenario 3 of the
     * "existing connection was forcibly closed" article).
     */
    public boolean rejectedBySchannelOnTls12() {
        return rejectedBySchannelOnTls12;
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
