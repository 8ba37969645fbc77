package io.tlscompat.core.json;

/** Text that is not the JSON we expected; the message says where and why, in one line. */
public class JsonException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message where and why */
    public JsonException(String message) {
        super(message);
    }
}
