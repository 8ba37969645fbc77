package io.tlscompat.core.probe;

import java.io.IOException;

/** The server's bytes are not the TLS the probe expected. The message is one line, fit for users. */
public final class TlsParseException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, in one line */
    public TlsParseException(String message) {
        super(message);
    }
}
