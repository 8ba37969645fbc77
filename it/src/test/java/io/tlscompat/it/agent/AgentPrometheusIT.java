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
 * in examples/collectors/prometheus-jmx-exporter.yml); scraping /metrics on loopback finds the totals, the
 * per-server counters and the diagnoses under stable names, for a server that works and one that refuses.
 */
class AgentPrometheusIT {
    private static final int HANDSHAKES = 3;
    /** Handshakes offering TLS 1.2 to a second, TLS 1.3-only server: diagnosed protocol-mismatch. */
    private static final int MISMATCHED = 2;

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
                AgentRecords.keystore(dir).toString(), Integer.toString(HANDSHAKES), release.toString(),
                Integer.toString(MISMATCHED)));
        Process app = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher printed = Pattern.compile("port=(\\d+) ok=" + HANDSHAKES + " failed=0 strictPort=(\\d+) refused="
                    + MISMATCHED).matcher(String.valueOf(line));
            assertThat(printed.matches()).as(line + "\n" + stderr()).isTrue();
            String ok = "{server=\"localhost:" + printed.group(1) + "\"}";
            String strict = "{server=\"localhost:" + printed.group(2) + "\"}";
            String strictMismatch = "tlscompat_server_handshakes_by_diagnosis_total{diagnosis=\"protocol-mismatch\","
                    + "server=\"localhost:" + printed.group(2) + "\"}";
            int all = HANDSHAKES + MISMATCHED;

            String metrics = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // records (and so the MBeans and diagnoses) reach JMX through the agent's writer thread: scrape until then
            while (System.nanoTime() < deadline && (value(metrics, "tlscompat_records_written_total") != all
                    || value(metrics, strictMismatch) != MISMATCHED)) {
                Thread.sleep(200);
                metrics = scrape(port);
            }
            assertThat(value(metrics, "tlscompat_handshakes_attempts_total")).as(metrics).isEqualTo(all);
            assertThat(value(metrics, "tlscompat_handshakes_ok_total")).as(metrics).isEqualTo(HANDSHAKES);
            assertThat(value(metrics, "tlscompat_handshakes_failures_total")).as(metrics).isEqualTo(MISMATCHED);
            assertThat(value(metrics, "tlscompat_handshakes_by_diagnosis_total{diagnosis=\"protocol-mismatch\"}"))
                    .as(metrics).isEqualTo(MISMATCHED);
            assertThat(value(metrics, "tlscompat_records_written_total")).as(metrics).isEqualTo(all);
            assertThat(value(metrics, "tlscompat_records_dropped_total")).as(metrics).isEqualTo(0);
            assertThat(value(metrics, "tlscompat_server_handshakes_attempts_total" + ok)).as(metrics)
                    .isEqualTo(HANDSHAKES);
            assertThat(value(metrics, "tlscompat_server_handshakes_ok_total" + ok)).as(metrics).isEqualTo(HANDSHAKES);
            assertThat(value(metrics, "tlscompat_server_handshakes_failures_total" + ok)).as(metrics).isEqualTo(0);
            assertThat(value(metrics, "tlscompat_server_handshakes_attempts_total" + strict)).as(metrics)
                    .isEqualTo(MISMATCHED);
            assertThat(value(metrics, "tlscompat_server_handshakes_ok_total" + strict)).as(metrics).isEqualTo(0);
            assertThat(value(metrics, "tlscompat_server_handshakes_failures_total" + strict)).as(metrics)
                    .isEqualTo(MISMATCHED);
            assertThat(value(metrics, strictMismatch)).as(metrics).isEqualTo(MISMATCHED);
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
