package io.tlscompat.core.tls;

/** How a cipher suite agrees on keys; what matters for the DHE bug, for JDK policies and for certificates. */
public enum KeyExchange {
    /** Static RSA key transport ({@code TLS_RSA_*}), disabled by JDK 24 and later updates. */
    RSA,
    /** Finite-field ephemeral Diffie-Hellman ({@code TLS_DHE_*}), subject to the Windows leading-zero bug. */
    DHE,
    /** Elliptic-curve ephemeral Diffie-Hellman ({@code TLS_ECDHE_*}). */
    ECDHE,
    /** Static elliptic-curve Diffie-Hellman ({@code TLS_ECDH_*}), disabled by JDK 20 and backports. */
    ECDH,
    /** Static finite-field Diffie-Hellman ({@code TLS_DH_*}). */
    DH,
    /** Anonymous key exchanges ({@code *_anon_*}), never enabled by the JDK. */
    ANON,
    /** Pre-shared keys, SRP, Kerberos and other exotic exchanges. */
    OTHER,
    /** TLS 1.3 suites, whose key exchange is negotiated separately. */
    TLS13
}
