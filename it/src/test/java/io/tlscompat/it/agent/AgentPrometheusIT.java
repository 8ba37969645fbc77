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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 section 4: an application with both our agent and Prometheus's jmx_exporter agent (1.0.1, with the rules
 * in examples/collectors/prometheus-jmx-exporter.yml); scraping /metrics on loopback finds the totals and the
 * per-server counters under stable names.
 */
class AgentPrometheusIT {
    private static final int HANDSHAKES = 3;

    @TempDir
    Path dir;

    @Test
    void jmxExporterScrapesTotalsAndPerServerCounters() throws Exception {
        Path exporter = Paths.get(System.getProperty("tlscompat.jmxexporter.jar"));
        Path rules = Paths.get(System.getProperty("tlscompat.jmxexporter.rules"));
        assertThat(exporter).isRegularFile();
        assertThat(rules).isRegularFile();
        int port = freePort();
        Path log = dir.resolve("tls.jsonl");
        Path release = dir.resolve("release");
        Path classes = Paths.get(ScrapedWhileAliveMain.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<String> cmd = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                AgentRecords.javaagent(log, "probe=false"),
                "-javaagent:" + exporter + "=127.0.0.1:" + port + ":" + rules,
                "-cp", classes.toString(), ScrapedWhileAliveMain.class.getName(),
                AgentRecords.keystore(dir).toString(), Integer.toString(HANDSHAKES), release.toString()));
        Process app = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as(stderr()).startsWith("port=").endsWith(" ok=" + HANDSHAKES + " failed=0");
            String server = "localhost:" + line.substring(5, line.indexOf(' '));

            String perServer = "tlscompat_server_handshakes_ok_total{server=\"" + server + "\"}";
            String metrics = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // the records reach the MBeans through the agent's writer thread: scrape until they arrived
            while (System.nanoTime() < deadline && (value(metrics, perServer) != HANDSHAKES
                    || value(metrics, "tlscompat_records_written_total") != HANDSHAKES)) {
                Thread.sleep(200);
                metrics = scrape(port);
            }
            assertThat(value(metrics, "tlscompat_handshakes_attempts_total")).as(metrics).isEqualTo(HANDSHAKES);
            assertThat(value(metrics, "tlscompat_handshakes_ok_total")).as(metrics).isEqualTo(HANDSHAKES);
            assertThat(value(metrics, "tlscompat_handshakes_failures_total")).as(metrics).isEqualTo(0);
            assertThat(value(metrics, "tlscompat_records_written_total")).as(metrics).isEqualTo(HANDSHAKES);
            assertThat(value(metrics, "tlscompat_records_dropped_total")).as(metrics).isEqualTo(0);
            assertThat(value(metrics, "tlscompat_server_handshakes_attempts_total{server=\"" + server + "\"}"))
                    .as(metrics).isEqualTo(HANDSHAKES);
            assertThat(value(metrics, perServer)).as(metrics).isEqualTo(HANDSHAKES);
            assertThat(value(metrics, "tlscompat_server_handshakes_failures_total{server=\"" + server + "\"}"))
                    .as(metrics).isEqualTo(0);
        } finally {
            Files.createFile(release);
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
        assertThat(app.exitValue()).as(stderr()).isZero();
    }

    /** The sample's value ({@code NAME{LABELS} VALUE}), or -1 when the sample is not there. */
    private static double value(String metrics, String sample) {
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    private static String scrape(int port) {
        try {
            HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/metrics").openConnection();
            c.setConnectTimeout(5000);
            c.setReadTimeout(5000);
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            return ""; // the exporter's HTTP server may not listen yet
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private String stderr() {
        try {
            return new String(Files.readAllBytes(dir.resolve("stderr.txt")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
