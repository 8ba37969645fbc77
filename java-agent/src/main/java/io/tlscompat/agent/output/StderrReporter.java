package io.tlscompat.agent.output;

import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import java.io.PrintStream;

/**
 * One line per failed handshake, e.g. {@code [tls-compat] reset from db1:1433 after ClientHello: protocol-mismatch
 * — server accepts TLSv1 only; this JVM offers TLSv1.2, TLSv1.3; fix: …}. Successes stay silent.
 */
public final class StderrReporter implements RecordConsumer {
    /** Line prefix of everything the agent prints. */
    public static final String PREFIX = "[tls-compat] ";
    private final PrintStream out;

    public StderrReporter(PrintStream out) {
        this.out = out;
    }

    /** The failure line for a record (public for tests and the report command). */
    public static String line(HandshakeRecord r) {
        StringBuilder sb = new StringBuilder(PREFIX);
        sb.append(r.outcome().value()).append(" from ").append(r.server());
        sb.append(r.phase() == null ? " before ClientHello" : " after " + r.phase().label());
        if (r.diagnosis() != null) {
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
            out.println(line(record));
        }
    }

    @Override
    public void close() {
        out.flush();
    }
}
