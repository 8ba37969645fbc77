package io.tlscompat.it.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command to completion with a hard timeout and captures its output. The process is killed when the
 * timeout passes, so a hanging peer never hangs the build.
 */
public final class ProcessOutput {
    private final int exitCode;
    private final String stdout;
    private final String stderr;
    private final long elapsedMillis;

    private ProcessOutput(int exitCode, String stdout, String stderr, long elapsedMillis) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.elapsedMillis = elapsedMillis;
    }

    /**
     * @throws IllegalStateException naming the command when it does not finish in time
     */
    public static ProcessOutput run(List<String> command, Duration timeout) {
        long start = System.nanoTime();
        Process p;
        try {
            p = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(nullFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        // Drain both pipes concurrently: a child blocked on a full stderr pipe would otherwise never exit.
        StreamCollector out = new StreamCollector(p.getInputStream());
        StreamCollector err = new StreamCollector(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("command did not finish within " + timeout.toSeconds() + " s: "
                        + String.join(" ", command) + "\nstdout so far: " + out.text() + "\nstderr so far: " + err.text());
            }
            out.join();
            err.join();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
        return new ProcessOutput(p.exitValue(), out.text(), err.text(), (System.nanoTime() - start) / 1_000_000);
    }

    private static java.io.File nullFile() {
        return new java.io.File("/dev/null");
    }

    public int exitCode() {
        return exitCode;
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }

    public long elapsedMillis() {
        return elapsedMillis;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " after " + elapsedMillis + " ms\n--- stdout ---\n" + stdout + "\n--- stderr ---\n"
                + stderr;
    }

    /** Reads one stream on its own thread into memory, bounded so an endless writer cannot exhaust the heap. */
    private static final class StreamCollector extends Thread {
        private static final int LIMIT = 8 * 1024 * 1024;
        private final InputStream in;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        StreamCollector(InputStream in) {
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            byte[] chunk = new byte[8192];
            try {
                int n;
                while ((n = in.read(chunk)) > 0) {
                    synchronized (buffer) {
                        if (buffer.size() < LIMIT) {
                            buffer.write(chunk, 0, n);
                        }
                    }
                }
            } catch (IOException ignored) {
                // The process was killed; what was read so far is all there is.
            }
        }

        String text() {
            synchronized (buffer) {
                return new String(buffer.toByteArray(), StandardCharsets.UTF_8);
            }
        }
    }
}
