package io.tlscompat.agent.output;

import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import java.io.PrintStream;

/**
 * Failed handshakes on stderr, e.g. {@code [tls-compat] reset from db1:1433 after ClientHello: protocol-mismatch
 * — server accepts TLSv1 only; this JVM offers TLSv1.2, TLSv1.3; fix: …}. Successes stay silent. The first failure
 * of each server, outcome and diagnosis gets its full line; the rest are folded by {@link FailureLineLimiter}.
 */
public final class StderrReporter implements RecordConsumer {
    /** Line prefix of everything the agent prints. */
    public static final String PREFIX = "[tls-compat] ";
    /** What the line says instead of a diagnosis when the application closed its own socket. */
    public static final String CLOSED_LOCALLY = "the application closed the socket or interrupted the thread during"
            + " the handshake; not the server's doing";

    /** The time source; a seam for tests of the folding. */
    interface Clock {
        long millis();
    }

    private final PrintStream out;
    private final Clock clock;
    private final FailureLineLimiter limiter = new FailureLineLimiter();

    public StderrReporter(PrintStream out) {
        this(out, new Clock() {
            @Override
            public long millis() {
                return System.currentTimeMillis();
            }
        });
    }

    StderrReporter(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** The failure line for a record (public for tests and the report command). */
    public static String line(HandshakeRecord r) {
        StringBuilder sb = new StringBuilder(PREFIX);
        sb.append(r.outcome().value()).append(" from ").append(r.server());
        sb.append(r.phase() == null ? " before ClientHello" : " after " + r.phase().label());
        if (r.outcome() == Outcome.CLOSED_LOCALLY) {
            sb.append(": ").append(CLOSED_LOCALLY);
        } else if (r.diagnosis() != null) {
            sb.append(": ").append(r.diagnosis());
        } else if (r.failure() != null) {
            sb.append(": ").append(r.failure().getClass().getName()).append(": ").append(r.failure().getMessage());
        }
        if (r.jdbc() != null && r.jdbc().clientConnectionId() != null) {
            sb.append(" (ClientConnectionId ").append(r.jdbc().clientConnectionId()).append(')');
        }
        return sb.toString().replace('\n', ' ');
    }

    @Override
    public void consume(HandshakeRecord record) {
        if (record.outcome() != Outcome.OK) {
            print(limiter.offer(record, clock.millis()));
        }
    }

    @Override
    public void idle() {
        print(limiter.due(clock.millis()));
    }

    @Override
    public void close() {
        print(limiter.flush());
        out.flush();
    }

    private void print(java.util.List<String> lines) {
        for (String l : lines) {
            out.println(l);
        }
    }
}
