package io.tlscompat.core.client;

/** When a client validates the server certificate (trust path, host name, dates), given its driver's real defaults. */
public enum CertificateValidation {
    /** Never: trustServerCertificate=true, a pre-10.2 mssql-jdbc without encrypt=true, jTDS below ssl=authenticate. */
    NEVER,
    /** Always: encrypt=true without trustServerCertificate, encrypt=strict, jTDS ssl=authenticate. */
    ALWAYS,
    /**
     * Only when the server forces encryption (PRELOGIN ON/REQ): mssql-jdbc 10.2+ with encrypt=false validates
     * "when encryption is negotiated from either side" (#1731); a login-only handshake uses a permissive trust manager.
     */
    WHEN_SERVER_FORCES
}
