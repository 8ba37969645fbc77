package io.tlscompat.maven;

import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.client.RehearsalMain;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.json.Json;
import io.tlscompat.core.options.OptionText;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Proves a prediction: forks the target JDK with the project's driver jar and the tls-compat agent, opens one
 * connection with a throw-away login and an empty password ({@link RehearsalMain}), and reads the handshake the
 * agent recorded. In {@link RehearsalMode#HANDSHAKE} the agent closes the connection as soon as the handshake
 * completes, so no LOGIN7 is sent; in {@link RehearsalMode#LOGIN} a completed handshake followed by "Login failed"
 * is a pass. Either way the driver makes exactly one attempt (no connection retries).
 */
final class Rehearsal {
    /**
     * A short-lived fork spends most of its life starting and warming up: C1 alone roughly halves that (measured on
     * JDK 17 with mssql-jdbc 13.6), and the JIT level changes nothing the handshake does. First, so that the
     * project's own options win; ignored by a JVM that does not know it. No collector is chosen: one in the
     * project's options would then conflict.
     */
    static final List<String> FAST_START = Collections.unmodifiableList(Arrays.asList(
            "-XX:+IgnoreUnrecognizedVMOptions", "-XX:TieredStopAtLevel=1"));

    /** The fork gets the login timeout plus this margin before it is killed. */
    static final int FORK_MARGIN_SECONDS = 20;

    private final File java;
    private final List<String> jvmOptions;
    private final File agentJar;
    private final List<File> driverJars;
    private final String login;
    private final File workDir;
    private final RehearsalMode mode;

    Rehearsal(File javaHome, List<String> jvmOptions, File agentJar, List<File> driverJars, String login,
            File workDir, RehearsalMode mode) {
        this.mode = mode;
        this.java = new File(new File(javaHome, "bin"), "java");
        this.jvmOptions = jvmOptions;
        this.agentJar = agentJar;
        this.driverJars = driverJars;
        this.login = login;
        this.workDir = workDir;
    }

    /** Runs the rehearsal for one target and returns the report entry (prediction and observation side by side). */
    Map<String, Object> run(JdbcTarget target, Evaluation predicted) throws MojoExecutionException {
        File log = new File(workDir, "rehearsal-" + target.host() + "-" + target.port() + ".jsonl");
        try {
            Files.createDirectories(workDir.toPath());
            Files.deleteIfExists(log.toPath());
            List<String> cmd = new ArrayList<>();
            cmd.add(java.getAbsolutePath());
            cmd.addAll(FAST_START);
            cmd.addAll(jvmOptions);
            cmd.add("-javaagent:" + agentJar.getAbsolutePath() + "=" + agentOptions(log, mode));
            cmd.add("-cp");
            cmd.add(classpath());
            cmd.add(RehearsalMain.class.getName());
            cmd.add(rehearsalUrl(target));
            cmd.add(login);
            cmd.add(String.valueOf(mode.loginTimeoutSeconds()));
            char[] storePassword = target.trustStorePassword();
            if (storePassword != null) {
                cmd.add(RehearsalMain.PASSWORD_ON_STDIN);
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            File out = new File(workDir, log.getName() + ".out");
            pb.redirectOutput(out);
            Process p = pb.start();
            // The trust store's password reaches the fork on its standard input: never on a command line (which
            // every user of the machine can read) and never in a file.
            try (java.io.Writer in = new java.io.OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8)) {
                if (storePassword != null) {
                    in.write(storePassword);
                    in.write('\n');
                }
            }
            if (!p.waitFor(mode.loginTimeoutSeconds() + FORK_MARGIN_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new MojoExecutionException("The rehearsal for " + target.address() + " did not finish");
            }
            Map<String, Object> driver = driverResult(new String(Files.readAllBytes(out.toPath()),
                    StandardCharsets.UTF_8));
            Map<String, Object> handshake = lastHandshake(log, target.port());
            return entry(target, predicted, driver, handshake);
        } catch (IOException e) {
            throw new MojoExecutionException("The rehearsal for " + target.address() + " failed: " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted during the rehearsal", e);
        }
    }

    /**
     * The URL the fork connects with: no credentials, no retries, the masked trust-store password left out (the real
     * one goes through standard input), and for mssql-jdbc the port the SQL Server Browser gave the gate (an explicit
     * port wins over the instance there, so the fork meets the same server even when the Browser is not on 1434).
     */
    static String rehearsalUrl(JdbcTarget target) {
        String url = withoutCredentials(target.redactedUrl()).replaceAll("(?i);\\s*trustStorePassword\\s*=[^;]*", "");
        if (target.flavour().equals("mssql-jdbc") && target.portSource() != null) {
            url = url.replaceAll("(?i);\\s*portNumber\\s*=[^;]*", "").replaceAll(";+$", "") + ";portNumber="
                    + target.port();
        }
        return withoutRetries(url);
    }

    /**
     * The fork's agent options, written by the agent's own writer, so a log path holding a comma still arrives
     * whole: records to {@code log} only (no stderr, probe, JFR, JMX or summary), plus the mode's option.
     */
    static String agentOptions(File log, RehearsalMode mode) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("log", log.getAbsolutePath());
        for (String off : new String[] {"stderr", "probe", "jfr", "jmx", "summary"}) {
            options.put(off, "false");
        }
        options.putAll(mode.agentOptions());
        return OptionText.write(options);
    }

    /**
     * The URL without any login, password or integrated/AD authentication, so the rehearsal can only ever fail a
     * login with the throw-away name (never lock out a real account).
     */
    static String withoutCredentials(String url) {
        return url.replaceAll("(?i);\\s*(user|username|password|pwd|integratedsecurity|authentication|"
                + "authenticationscheme|domain|useNTLMv2)\\s*=[^;]*", "");
    }

    /**
     * One attempt only: mssql-jdbc's {@code connectRetryCount} (which 12.x+ also applies to a failed first
     * connection) is forced to 0. jTDS makes a single attempt by itself.
     */
    static String withoutRetries(String url) {
        String stripped = url.replaceAll("(?i);\\s*connectRetryCount\\s*=[^;]*", "").replaceAll(";+$", "");
        return stripped.regionMatches(true, 0, "jdbc:sqlserver:", 0, 15) ? stripped + ";connectRetryCount=0" : stripped;
    }

    private String classpath() throws MojoExecutionException {
        List<String> parts = new ArrayList<>();
        try {
            parts.add(new File(RehearsalMain.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getAbsolutePath());
        } catch (URISyntaxException e) {
            throw new MojoExecutionException("Cannot locate tls-compat-core", e);
        }
        for (File f : driverJars) {
            parts.add(f.getAbsolutePath());
        }
        return String.join(File.pathSeparator, parts);
    }

    private static Map<String, Object> driverResult(String output) {
        for (String line : output.split("\\r?\\n")) {
            if (line.startsWith(RehearsalMain.MARKER)) {
                return Json.parseObject(line.substring(RehearsalMain.MARKER.length()));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("outcome", "crash");
        String first = output.trim();
        m.put("message", first.length() > 300 ? first.substring(0, 300) : first);
        return m;
    }

    private static Map<String, Object> lastHandshake(File log, int port) throws IOException {
        Map<String, Object> last = null;
        if (!log.isFile()) {
            return null;
        }
        for (String line : Files.readAllLines(log.toPath(), StandardCharsets.UTF_8)) {
            if (!line.trim().startsWith("{")) {
                continue;
            }
            Map<String, Object> r = Json.parseObject(line);
            Object peerPort = r.get("peerPort");
            if (r.containsKey("outcome") && (peerPort == null || ((Number) peerPort).intValue() == port)) {
                last = r;
            }
        }
        return last;
    }

    private Map<String, Object> entry(JdbcTarget target, Evaluation e, Map<String, Object> driver,
            Map<String, Object> handshake) {
        boolean predictedOk = e.protocol() != null && e.cipherSuite() != null && !handshakeError(e);
        boolean observedOk = handshake != null && "ok".equals(handshake.get("outcome"));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target.address());
        m.put("predicted", predictedOk ? "handshake " + e.protocol() + " " + e.cipherSuite() : "no handshake");
        m.put("observed", handshake == null ? "no handshake recorded"
                : observedOk ? "handshake " + handshake.get("protocol") + " " + handshake.get("cipherSuite")
                : "handshake failed (" + handshake.get("outcome") + ")");
        m.put("agrees", predictedOk == observedOk);
        m.put("mode", mode.name().toLowerCase(Locale.ROOT));
        m.put("driver", driver);
        m.put("agentRecord", handshake);
        return m;
    }

    /** Errors that end the handshake itself (as opposed to the login after it). */
    static boolean handshakeError(Evaluation e) {
        for (Finding f : e.findings()) {
            if (f.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }
}
