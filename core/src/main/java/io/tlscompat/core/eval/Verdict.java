package io.tlscompat.core.eval;

import java.util.List;
import java.util.Locale;

/** The outcome for a target: fail on any error, warn on any warning, else pass. */
public enum Verdict {
    PASS, WARN, FAIL;

    /** The verdict these findings add up to. */
    public static Verdict of(List<Finding> findings) {
        Verdict v = PASS;
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return FAIL;
            }
            if (f.severity() == Severity.WARNING) {
                v = WARN;
            }
        }
        return v;
    }

    /** {@code pass}, {@code warn}, {@code fail}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
