package io.tlscompat.simulator;

/**
 * How the simulator turns a client away when the TLS handshake cannot succeed (no common version or suite,
 * a weak certificate Schannel refuses, the DHE leading-zero bug).
 */
public enum Rejection {
    /**
     * Schannel's way: no alert, the connection is reset (SO_LINGER 0 then close sends a TCP RST). Java sees
     * "Connection reset"; Windows clients see error 10054.
     */
    RESET,
    /** Send the TLS fatal alert (inside TDS framing during a TDS 7.x handshake), then close. */
    ALERT,
    /** Close the connection normally (TCP FIN) without an alert. */
    CLOSE
}
