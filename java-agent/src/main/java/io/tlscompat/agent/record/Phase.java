package io.tlscompat.agent.record;

/**
 * How far a handshake got, as the record's {@code phase} value. Ordered: a handshake only moves forward.
 */
public enum Phase {
    CLIENT_HELLO_SENT("client-hello-sent", "ClientHello"),
    SERVER_HELLO_RECEIVED("server-hello-received", "ServerHello"),
    CERTIFICATE_RECEIVED("certificate-received", "the server Certificate"),
    KEY_EXCHANGE_SENT("key-exchange-sent", "the key exchange"),
    FINISHED("finished", "Finished");

    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_HELLO = 2;
    private static final int CERTIFICATE = 11;
    private static final int CLIENT_KEY_EXCHANGE = 16;
    private static final int FINISHED_MESSAGE = 20;

    private final String value;
    private final String label;

    Phase(String value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The record value, e.g. {@code client-hello-sent}. */
    public String value() {
        return value;
    }

    /** Words for the stderr line: "reset from db1:1433 after ClientHello". */
    public String label() {
        return label;
    }

    /** The phase an outgoing handshake message of this type (RFC 8446/5246 numbering) reaches, or null. */
    public static Phase forSent(int type) {
        switch (type) {
            case CLIENT_HELLO:
                return CLIENT_HELLO_SENT;
            case CLIENT_KEY_EXCHANGE:
            case FINISHED_MESSAGE: // TLS 1.3 has no ClientKeyExchange: the client Finished is the last flight
                return KEY_EXCHANGE_SENT;
            default:
                return null;
        }
    }

    /** The phase an incoming handshake message of this type reaches, or null. */
    public static Phase forReceived(int type) {
        switch (type) {
            case SERVER_HELLO:
                return SERVER_HELLO_RECEIVED;
            case CERTIFICATE:
                return CERTIFICATE_RECEIVED;
            default:
                return null;
        }
    }

    /** @return the later of two phases (null counts as "nothing sent yet"). */
    public static Phase later(Phase a, Phase b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** Parses a record value back; null for null or unknown. */
    public static Phase fromValue(String value) {
        for (Phase p : values()) {
            if (p.value.equals(value)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
