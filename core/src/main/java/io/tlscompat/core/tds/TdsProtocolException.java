package io.tlscompat.core.tds;

import java.io.IOException;

/** The peer sent bytes that are not valid TDS (or not TDS at all). The message is one line, fit for users. */
public class TdsProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, in one line */
    public TdsProtocolException(String message) {
        super(message);
    }
}
