package io.tlscompat.core.tls;

/**
 * One TLS cipher suite: its IANA value and IANA name (the JDK uses the same names).
 * Instances come from {@link CipherSuites}.
 */
public final class CipherSuite {
    private final int code;
    private final String name;
    private final KeyExchange keyExchange;

    CipherSuite(int code, String name) {
        this.code = code;
        this.name = name;
        this.keyExchange = keyExchangeOf(name);
    }

    /** The two-byte IANA value. */
    public int code() {
        return code;
    }

    /** The IANA name, e.g. {@code TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}. */
    public String name() {
        return name;
    }

    /** The key exchange family, derived from the name. */
    public KeyExchange keyExchange() {
        return keyExchange;
    }

    /** True for the TLS 1.3 suites ({@code TLS_AES_*}, {@code TLS_CHACHA20_*}), which no earlier version uses. */
    public boolean isTls13() {
        return keyExchange == KeyExchange.TLS13;
    }

    /** True for signalling values such as {@code TLS_EMPTY_RENEGOTIATION_INFO_SCSV}, which are not real suites. */
    public boolean isSignalling() {
        return name.endsWith("_SCSV");
    }

    /** True when the suite authenticates the server with an RSA certificate (or uses RSA key transport). */
    public boolean usesRsaCertificate() {
        return name.startsWith("TLS_RSA_") || name.startsWith("TLS_DHE_RSA_") || name.startsWith("TLS_ECDHE_RSA_")
                || name.startsWith("TLS_DH_RSA_") || name.startsWith("TLS_ECDH_RSA_") || isTls13();
    }

    /** True when the suite needs an ECDSA server certificate. */
    public boolean usesEcdsaCertificate() {
        return name.contains("_ECDSA_") || isTls13();
    }

    /** True for suites that TLS 1.2 defines (AEAD or SHA-256/384 MACs) and older versions cannot use. */
    public boolean requiresTls12() {
        return name.endsWith("_SHA256") || name.endsWith("_SHA384") || name.contains("_GCM") || name.contains("_CCM")
                || name.contains("CHACHA20");
    }

    private static KeyExchange keyExchangeOf(String name) {
        if (!name.contains("_WITH_")) {
            return name.endsWith("_SCSV") ? KeyExchange.OTHER : KeyExchange.TLS13;
        }
        if (name.contains("_anon_")) {
            return KeyExchange.ANON;
        }
        if (name.contains("PSK") || name.contains("SRP") || name.contains("KRB5") || name.contains("ECCPWD")) {
            return KeyExchange.OTHER;
        }
        if (name.startsWith("TLS_RSA_")) {
            return KeyExchange.RSA;
        }
        if (name.startsWith("TLS_DHE_")) {
            return KeyExchange.DHE;
        }
        if (name.startsWith("TLS_ECDHE_")) {
            return KeyExchange.ECDHE;
        }
        if (name.startsWith("TLS_ECDH_")) {
            return KeyExchange.ECDH;
        }
        if (name.startsWith("TLS_DH_")) {
            return KeyExchange.DH;
        }
        return KeyExchange.OTHER;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CipherSuite && ((CipherSuite) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return name;
    }
}
