package io.tlscompat.it.support;

import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** All outcomes of one forked client JVM, plus its stderr (where an agent writes its log lines). */
public final class ClientRun {
    private final JdbcDriver driver;
    private final TestJdk jdk;
    private final List<ClientOutcome> outcomes;
    private final String stderr;

    ClientRun(JdbcDriver driver, TestJdk jdk, List<ClientOutcome> outcomes, String stderr) {
        this.driver = driver;
        this.jdk = jdk;
        this.outcomes = Collections.unmodifiableList(outcomes);
        this.stderr = stderr;
    }

    public List<ClientOutcome> outcomes() {
        return outcomes;
    }

    /** The only outcome of a run with one attempt. */
    public ClientOutcome single() {
        if (outcomes.size() != 1) {
            throw new IllegalStateException("expected one outcome, got " + outcomes.size());
        }
        return outcomes.get(0);
    }

    /** How many attempts ended with this outcome ({@link ClientOutcome#LOGIN_FAILED} etc.). */
    public long count(String outcome) {
        return outcomes.stream().filter(o -> outcome.equals(o.outcome())).count();
    }

    /** The attempts that did not reach the login step. */
    public List<ClientOutcome> failures() {
        return outcomes.stream().filter(o -> !o.isLoginFailed() && !ClientOutcome.OK.equals(o.outcome()))
                .collect(Collectors.toList());
    }

    public String stderr() {
        return stderr;
    }

    @Override
    public String toString() {
        return driver + " on " + jdk + ": " + outcomes;
    }
}
