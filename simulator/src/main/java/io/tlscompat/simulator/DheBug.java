package io.tlscompat.simulator;

/**
 * The Windows DHE "leading zero" bug of KB4557473: an unpatched Schannel keeps the leading zero bytes of the
 * Diffie-Hellman shared secret that RFC 5246 section 8.1.2 says to strip, so it derives a different master secret,
 * the client's Finished does not verify and the server drops the connection. Only TLS 1.0-1.2 DHE suites are
 * affected.
 */
public enum DheBug {
    /** A patched server: the premaster secret is computed correctly. */
    NEVER,
    /**
     * The real bug: the secret keeps its leading zero bytes, so a handshake fails only when the shared secret
     * happens to start with a zero byte (about 1 in 256 handshakes).
     */
    INTERMITTENT,
    /** Every DHE handshake derives a wrong secret: for deterministic tests of the failure. */
    ALWAYS
}
