package io.tlscompat.agent.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line as a child JVM ({@code java -cp <test classpath> io.tlscompat.agent.cli.Main ...}), with its
 * exit code, stdout, stderr, wall time and peak resident memory (VmHWM from /proc, polled until it exits).
 */
final class CliProcess {
    final int exitCode;
    final String stdout;
    final String stderr;
    final long elapsedMillis;
    /** Peak RSS in kB as the kernel counts it (VmHWM), or -1 where /proc is not there. */
    final long peakRssKb;

    private CliProcess(int exitCode, String stdout, String stderr, long elapsedMillis, long peakRssKb) {
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        this.elapsedMillis = elapsedMillis;
        this.peakRssKb = peakRssKb;
    }

    static CliProcess run(String... args) throws IOException, InterruptedException {
        return runWithJvmOptions(new String[0], args);
    }

    static CliProcess runWithJvmOptions(String[] jvmOptions, String... args) throws IOException,
            InterruptedException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(Arrays.asList(jvmOptions));
        cmd.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(Arrays.asList(args));
        File out = File.createTempFile("cli-out", ".txt");
        File err = File.createTempFile("cli-err", ".txt");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(out).redirectError(err).start();
            Path status = Paths.get("/proc/" + p.pid() + "/status");
            long peak = -1;
            long until = System.currentTimeMillis() + 60_000;
            while (p.isAlive() && System.currentTimeMillis() < until) {
                peak = Math.max(peak, vmHwmKb(status));
                p.waitFor(10, TimeUnit.MILLISECONDS);
            }
            if (p.isAlive()) {
                p.destroyForcibly();
                throw new AssertionError("the CLI did not exit within 60 s: " + cmd);
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            return new CliProcess(p.exitValue(), read(out), read(err), elapsed, peak);
        } finally {
            out.delete();
            err.delete();
        }
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // The process exited between isAlive() and the read: the last reading stands.
        }
        return -1;
    }

    private static String read(File f) throws IOException {
        return new String(Files.readAllBytes(f.toPath()), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + " after " + elapsedMillis + " ms, peak RSS " + peakRssKb + " kB\nstdout: " + stdout
                + "\nstderr: " + stderr;
    }
}
