package io.tlscompat.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * {@code openssl s_server} on a free loopback port with a given certificate and protocol/cipher options, killed on
 * {@link #close()}. It serves one connection at a time, forever, which is what a probe or a client needs.
 *
 * <pre>{@code
 * try (OpenSslServer s = OpenSslServer.start(cert, dir, "-tls1_2", "-cipher", "AES128-SHA:@SECLEVEL=0")) {
 *     ... s.port() ...
 * }
 * }</pre>
 */
public final class OpenSslServer implements AutoCloseable {
    /** How long s_server gets to print ACCEPT. */
    private static final long START_TIMEOUT_MILLIS = 10_000;

    private final Process process;
    private final int port;
    private final Path log;
    private final List<String> options;

    private OpenSslServer(Process process, int port, Path log, List<String> options) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.options = options;
    }

    /**
     * Starts s_server; skips the test when openssl is missing.
     *
     * @param cert    the certificate and key to serve
     * @param workDir where the server's output log goes
     * @param options extra s_server options: protocol switches ({@code -tls1_2}, {@code -no_tls1_3}), {@code -cipher},
     *                {@code -ciphersuites}, {@code -serverpref}, ...
     */
    public static OpenSslServer start(OpenSslCertificate cert, Path workDir, String... options) {
        Openssl.assumeAvailable();
        // A port picked free can be taken before s_server binds it; try a few.
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return startOnce(cert, workDir, FreePort.pick(), Arrays.asList(options));
            } catch (IllegalStateException e) {
                last = e;
            }
        }
        throw last;
    }

    private static OpenSslServer startOnce(OpenSslCertificate cert, Path workDir, int port, List<String> options) {
        List<String> cmd = new ArrayList<>(Arrays.asList("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", cert.certificateFile().toString(), "-key", cert.keyFile().toString()));
        cmd.addAll(options);
        // Not -quiet: that also hides the ACCEPT line that says the port is bound. stdin stays an open pipe
        // because s_server treats end of input as "shut down".
        Path log = workDir.resolve("s_server-" + port + ".log");
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start openssl s_server", e);
        }
        OpenSslServer server = new OpenSslServer(p, port, log, Collections.unmodifiableList(options));
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            String text = server.log();
            if (text.contains("ACCEPT")) {
                return server;
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("openssl s_server " + String.join(" ", options) + " exited: " + text);
            }
            sleep(20);
        }
        server.close();
        throw new IllegalStateException("openssl s_server did not print ACCEPT within " + START_TIMEOUT_MILLIS
                + " ms: " + server.log());
    }

    public int port() {
        return port;
    }

    /** The options it was started with (for messages). */
    public List<String> options() {
        return options;
    }

    /** Everything s_server printed so far. */
    public String log() {
        try {
            return Files.exists(log) ? new String(Files.readAllBytes(log), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for s_server", e);
        }
    }

    @Override
    public String toString() {
        return "openssl s_server :" + port + " " + String.join(" ", options);
    }
}
