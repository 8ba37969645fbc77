package io.tlscompat.core.eval;

import java.util.Locale;

/** How bad a finding is; the report writes the lower-case name. Ordered from worst to mildest. */
public enum Severity {
    /** The handshake (or login) will fail. */
    ERROR,
    /** It works, or fails only sometimes or only for other consumers; fix it before it bites. */
    WARNING,
    /** Worth knowing, never fails a build. */
    INFO;

    /** {@code error}, {@code warning}, {@code info}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
