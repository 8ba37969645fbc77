package io.tlscompat.it.support;

import org.junit.jupiter.api.Assumptions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code openssl} command line: an independent TLS implementation the tests put behind the simulator's relay and
 * ask, as an oracle, what it accepts. Tests that need it call {@link #assumeAvailable()} and are skipped (not failed)
 * on machines without it; {@code .ci/run} installs it.
 */
public final class Openssl {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
    private static final boolean AVAILABLE = probeAvailable();

    private Openssl() {
    }

    private static boolean probeAvailable() {
        try {
            return ProcessOutput.run(Arrays.asList("openssl", "version"), COMMAND_TIMEOUT).exitCode() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static boolean isAvailable() {
        return AVAILABLE;
    }

    /** Skips the calling test when the openssl binary is missing. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(AVAILABLE, "openssl not on PATH: test skipped (apt-get install openssl)");
    }

    /** Runs {@code openssl ARGS...} and returns its output; fails naming the command on a non-zero exit. */
    public static ProcessOutput run(String... args) {
        ProcessOutput out = runAllowingFailure(args);
        if (out.exitCode() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** Runs {@code openssl ARGS...} and returns its output whatever the exit code. */
    public static ProcessOutput runAllowingFailure(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(Arrays.asList(args));
        return ProcessOutput.run(cmd, COMMAND_TIMEOUT);
    }
}
