package io.tlscompat.agent.cli;

import io.tlscompat.core.client.JdbcTarget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * Everything a command prints passes through here, line by line, and leaves with its passwords masked by core's one
 * rule ({@link JdbcTarget#redact}). Masking at the way out covers every path at once: results, errors, usage
 * errors that echo an argument, {@code --json}, and an unexpected exception's message. Lines are held until their
 * newline (so a secret split across two print calls is still seen whole); {@link #finish()} writes the rest.
 */
final class RedactingOutput extends OutputStream {
    private static final Charset UTF_8 = Charset.forName("UTF-8");

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private RedactingOutput(PrintStream target) {
        this.target = target;
    }

    /** A print stream whose every line reaches {@code target} masked. */
    static PrintStream around(PrintStream target) {
        try {
            return masking(target);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static PrintStream masking(PrintStream target) throws java.io.UnsupportedEncodingException {
        // UTF-8 between the command and this filter, whatever the platform's default: emit() decodes UTF-8.
        return new PrintStream(new RedactingOutput(target), true, "UTF-8") {
            @Override
            public void close() {
                flush();
                ((RedactingOutput) out).finish();
            }
        };
    }

    @Override
    public void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public void flush() {
        target.flush();
    }

    /** Writes what is left after the last newline. */
    void finish() {
        emit();
        target.flush();
    }

    private void emit() {
        if (line.size() == 0) {
            return;
        }
        String text = new String(line.toByteArray(), UTF_8);
        line.reset();
        target.print(JdbcTarget.redact(text));
    }

    @Override
    public void close() throws IOException {
        finish();
    }
}
