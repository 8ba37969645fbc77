package io.tlscompat.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
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
        int port = ScrapedApplication.freePort();
        try (ScrapedApplication app = new ScrapedApplication(dir, HANDSHAKES, MISMATCHED,
                List.of("-javaagent:" + exporter + "=127.0.0.1:" + port + ":" + rules))) {
            String ok = "{server=\"" + app.okServer + "\"}";
            String strict = "{server=\"" + app.refusingServer + "\"}";
            String strictMismatch = "tlscompat_server_handshakes_by_diagnosis_total{diagnosis=\"protocol-mismatch\","
                    + "server=\"" + app.refusingServer + "\"}";
            int all = HANDSHAKES + MISMATCHED;

            String metrics = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            // records (and so the MBeans and diagnoses) reach JMX through the agent's writer thread: scrape until then
            while (System.nanoTime() < deadline && (value(metrics, "tlscompat_records_written_total") != all
                    || value(metrics, strictMismatch) != MISMATCHED)) {
                Thread.sleep(200);
                metrics = ScrapedApplication.scrape(port);
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
        }
    }

    /** The sample's value ({@code NAME{LABELS} VALUE}), or -1 when the sample is not there. */
    private static double value(String metrics, String sample) {
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
