package io.tlscompat.it.support;

import io.tlscompat.core.json.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** One connection attempt of a forked {@link JdbcClientMain}, parsed from its JSON line. */
public final class ClientOutcome {
    /** The connection opened (nothing here rejects a login, so tests should not normally see this). */
    public static final String OK = "ok";
    /** The TLS handshake succeeded and the server refused the login: what a real SQL Server says to a stranger. */
    public static final String LOGIN_FAILED = "login-failed";
    /** Anything else: the exception class, message and cause chain say what. */
    public static final String EXCEPTION = "exception";

    private final Map<String, Object> json;

    private ClientOutcome(Map<String, Object> json) {
        this.json = json;
    }

    static ClientOutcome parse(String line) {
        return new ClientOutcome(Json.parseObject(line));
    }

    /** {@link #OK}, {@link #LOGIN_FAILED} or {@link #EXCEPTION}. */
    public String outcome() {
        return (String) json.get("outcome");
    }

    public boolean isLoginFailed() {
        return LOGIN_FAILED.equals(outcome());
    }

    /** The top exception's class name, or null when the connection opened. */
    public String exception() {
        return (String) json.get("exception");
    }

    public String message() {
        return (String) json.get("message");
    }

    /** "class: message" for the top exception and every cause, outermost first. */
    public List<String> chain() {
        List<String> out = new ArrayList<>();
        if (exception() != null) {
            out.add(exception() + ": " + message());
        }
        Object causes = json.get("causes");
        if (causes instanceof List) {
            for (Object c : (List<?>) causes) {
                Map<?, ?> m = (Map<?, ?>) c;
                out.add(m.get("exception") + ": " + m.get("message"));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The whole chain on one string, for {@code contains} assertions. */
    public String chainText() {
        return String.join(" | caused by ", chain());
    }

    public long elapsedMillis() {
        return ((Number) json.get("elapsedMillis")).longValue();
    }

    @Override
    public String toString() {
        return Json.write(json);
    }
}
