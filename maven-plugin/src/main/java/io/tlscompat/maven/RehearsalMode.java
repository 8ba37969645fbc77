package io.tlscompat.maven;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The {@code <rehearse>} values. {@code handshake} (the default) proves the TLS handshake with the project's own
 * driver and ends the connection before LOGIN7; {@code login} also sends the throw-away login (the server logs a
 * failed login); {@code off} only predicts. The former boolean values stay valid: {@code true} is {@code login}
 * (what it meant), {@code false} is {@code off}.
 */
enum RehearsalMode {
    HANDSHAKE, LOGIN, OFF;

    /** Login timeout inside the fork, in seconds: long enough for a slow server, short enough for a build. */
    int loginTimeoutSeconds() {
        return this == HANDSHAKE ? 10 : 15;
    }

    /** The agent option that makes the fork end each connection right after its handshake, or none. */
    Map<String, String> agentOptions() {
        return this == HANDSHAKE ? Collections.singletonMap("rehearsal", "handshake")
                : Collections.<String, String>emptyMap();
    }

    static RehearsalMode parse(String value) throws MojoFailureException {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "":
            case "handshake": return HANDSHAKE;
            case "login":
            case "true": return LOGIN;
            case "off":
            case "false": return OFF;
            default: throw new MojoFailureException(String.format(MojoMessages.BAD_REHEARSE, value));
        }
    }
}
