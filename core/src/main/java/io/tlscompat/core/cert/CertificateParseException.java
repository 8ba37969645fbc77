package io.tlscompat.core.cert;

/** The bytes are not an X.509 certificate the probe can read. The message is one line, fit for users. */
public final class CertificateParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong, in one line */
    public CertificateParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
