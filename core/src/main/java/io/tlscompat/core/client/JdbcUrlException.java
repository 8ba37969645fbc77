package io.tlscompat.core.client;

/** A JDBC URL the gate cannot use; the message is one line naming the (password-free) URL and the valid form. */
public final class JdbcUrlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public JdbcUrlException(String message) {
        super(message);
    }
}
