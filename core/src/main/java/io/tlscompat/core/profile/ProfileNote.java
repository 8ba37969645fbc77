package io.tlscompat.core.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why part of a profile is missing or partial: something the server sent that the probe could not read (a malformed
 * ServerHello, a truncated handshake message, an unparsable certificate). A sentence for people and the parse error
 * as the probe met it, so a gap in the profile is never silent. Immutable.
 */
public final class ProfileNote {
    private final String message;
    private final String parseError;

    /**
     * @param message    one sentence: what was malformed and what the profile shows instead
     * @param parseError the parser's one-line reason
     */
    public ProfileNote(String message, String parseError) {
        this.message = message;
        this.parseError = parseError;
    }

    public String message() {
        return message;
    }

    public String parseError() {
        return parseError;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("message", message);
        m.put("parseError", parseError);
        return m;
    }

    static ProfileNote fromJson(Map<String, Object> m) {
        return new ProfileNote(JsonFields.string(m, "message"), JsonFields.string(m, "parseError"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProfileNote && ((ProfileNote) o).toJson().equals(toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return message + " (" + parseError + ")";
    }
}
