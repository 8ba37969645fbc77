package io.tlscompat.agent.record;

/** How a handshake ended, as the record's {@code outcome} value. */
public enum Outcome {
    /** Negotiated. */
    OK("ok"),
    /** The peer reset the TCP connection (Winsock 10054, Java "Connection reset"). */
    RESET("reset"),
    /** The peer closed the connection without an alert (EOF mid-handshake). */
    CLOSE("close"),
    /** The peer sent a fatal TLS alert. */
    ALERT("alert"),
    /** This JVM refused: no common protocol/suite by its own rules, untrusted or weak certificate, host name. */
    CLIENT_REJECTED("client-rejected"),
    /**
     * The application itself closed the socket or interrupted the thread during the handshake: not the server's
     * doing, so it gets no server diagnosis and no probe.
     */
    CLOSED_LOCALLY("closed-locally"),
    /** A read timed out. */
    TIMEOUT("timeout"),
    /** Anything else. */
    ERROR("error");

    private final String value;

    Outcome(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    /** Parses a record value back; null for null or unknown. */
    public static Outcome fromValue(String value) {
        for (Outcome o : values()) {
            if (o.value.equals(value)) {
                return o;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
