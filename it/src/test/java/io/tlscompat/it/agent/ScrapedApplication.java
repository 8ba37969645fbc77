package io.tlscompat.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ScrapedWhileAliveMain} under our agent and a metrics collector's agent, for the collector ITs: it makes
 * {@code ok} handshakes with one server and {@code refused} with a TLS 1.3-only one, prints both ports, and stays
 * alive until {@link #close()} so that the collector can be scraped on loopback.
 */
final class ScrapedApplication implements AutoCloseable {
    private final Path dir;
    private final Process app;
    private final Path release;
    final String okServer;
    final String refusingServer;

    /** Starts the application with these collector JVM arguments and waits for its handshakes. */
    ScrapedApplication(Path dir, int ok, int refused, List<String> collectorArgs) throws Exception {
        this.dir = dir;
        this.release = dir.resolve("release");
        Path classes = Paths.get(ScrapedWhileAliveMain.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                AgentRecords.javaagent(dir.resolve("tls.jsonl"), "probe=false")));
        cmd.addAll(collectorArgs);
        cmd.addAll(List.of("-cp", classes.toString(), ScrapedWhileAliveMain.class.getName(),
                AgentRecords.keystore(dir).toString(), Integer.toString(ok), release.toString(),
                Integer.toString(refused)));
        app = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        String line = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        Matcher printed = Pattern.compile("port=(\\d+) ok=" + ok + " failed=0 strictPort=(\\d+) refused=" + refused)
                .matcher(String.valueOf(line));
        if (!printed.matches()) {
            close();
            throw new AssertionError(line + "\n" + stderr());
        }
        okServer = "localhost:" + printed.group(1);
        refusingServer = "localhost:" + printed.group(2);
    }

    /** GET /metrics on loopback; empty while the collector's HTTP server does not listen yet. */
    static String scrape(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(5000);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return "";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String stderr() {
        try {
            return new String(Files.readAllBytes(dir.resolve("stderr.txt")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Lets the application end, and asserts it ended well. */
    @Override
    public void close() throws Exception {
        if (!Files.exists(release)) {
            Files.createFile(release);
        }
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
        assertThat(app.exitValue()).as(stderr()).isZero();
    }
}
