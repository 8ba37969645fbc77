package io.tlscompat.core.browser;

/** The SQL Server Browser could not give an instance's port; the message is one line naming UDP port and instance. */
public final class BrowserException extends Exception {
    private static final long serialVersionUID = 1L;

    BrowserException(String message) {
        super(message);
    }
}
