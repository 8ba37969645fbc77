package io.tlscompat.core.probe;

/** The probe could not learn anything useful; {@link #getMessage()} is one line naming host:port and the fix. */
public final class ProbeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the probe failed. */
    public enum Reason {
        /** No TCP connection could be made (refused, unknown host, no route, connect timeout). */
        UNREACHABLE,
        /** Something answered, but it is not SQL Server: neither a PRELOGIN reply nor a TLS server. */
        NOT_TDS,
        /** The server stopped answering, or the probe ran out of its overall deadline. */
        TIMEOUT
    }

    private final Reason reason;

    public ProbeException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public ProbeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
