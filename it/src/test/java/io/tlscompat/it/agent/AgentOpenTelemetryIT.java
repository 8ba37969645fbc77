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
 * Issue 10 section 4, OpenTelemetry: an application with both our agent and the OpenTelemetry Java agent (2.31.1),
 * whose JMX Metric Insight reads our MBeans with the rules in examples/collectors/otel-jmx-tlscompat.yaml. Its
 * Prometheus exporter on loopback shows the totals and the per-server counters (attribute {@code server}) for a
 * server that works and one that refuses.
 */
class AgentOpenTelemetryIT {
    private static final int HANDSHAKES = 3;
    private static final int MISMATCHED = 2;

    @TempDir
    Path dir;

    @Test
    void otelJmxMetricInsightReportsTotalsAndPerServerCounters() throws Exception {
        Path otel = Paths.get(System.getProperty("tlscompat.otel.jar"));
        Path rules = Paths.get(System.getProperty("tlscompat.otel.rules"));
        assertThat(otel).isRegularFile();
        assertThat(rules).isRegularFile();
        int port = ScrapedApplication.freePort();
        try (ScrapedApplication app = new ScrapedApplication(dir, HANDSHAKES, MISMATCHED, List.of(
                "-javaagent:" + otel,
                "-Dotel.jmx.config=" + rules,
                // MBeans are registered when their first record is written: look for them again every half second
                "-Dotel.jmx.discovery.delay=500",
                "-Dotel.metrics.exporter=prometheus", "-Dotel.exporter.prometheus.host=127.0.0.1",
                "-Dotel.exporter.prometheus.port=" + port,
                "-Dotel.traces.exporter=none", "-Dotel.logs.exporter=none"))) {
            String ok = app.okServer;
            String strict = app.refusingServer;
            int all = HANDSHAKES + MISMATCHED;
            String metrics = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && (total(metrics, "tlscompat_records_written_total") != all
                    || perServer(metrics, "tlscompat_server_handshakes_failures_total", strict) != MISMATCHED)) {
                Thread.sleep(500);
                metrics = ScrapedApplication.scrape(port);
            }
            assertThat(total(metrics, "tlscompat_handshakes_attempts_total")).as(metrics).isEqualTo(all);
            assertThat(total(metrics, "tlscompat_handshakes_ok_total")).as(metrics).isEqualTo(HANDSHAKES);
            assertThat(total(metrics, "tlscompat_handshakes_failures_total")).as(metrics).isEqualTo(MISMATCHED);
            assertThat(total(metrics, "tlscompat_records_written_total")).as(metrics).isEqualTo(all);
            assertThat(total(metrics, "tlscompat_records_dropped_total")).as(metrics).isEqualTo(0);
            assertThat(perServer(metrics, "tlscompat_server_handshakes_attempts_total", ok)).as(metrics)
                    .isEqualTo(HANDSHAKES);
            assertThat(perServer(metrics, "tlscompat_server_handshakes_ok_total", ok)).as(metrics)
                    .isEqualTo(HANDSHAKES);
            assertThat(perServer(metrics, "tlscompat_server_handshakes_failures_total", ok)).as(metrics).isEqualTo(0);
            assertThat(perServer(metrics, "tlscompat_server_handshakes_attempts_total", strict)).as(metrics)
                    .isEqualTo(MISMATCHED);
            assertThat(perServer(metrics, "tlscompat_server_handshakes_failures_total", strict)).as(metrics)
                    .isEqualTo(MISMATCHED);
            // no DHE handshake was seen: the gauge says -1
            assertThat(metrics).as(metrics).containsPattern("(?m)^tlscompat_server_dhe_failure_rate\\w*\\{[^}]*server=\""
                    + Pattern.quote(ok) + "\"[^}]*\\} -1(\\.0)?$");
        }
    }

    /** A sample without a server attribute (OpenTelemetry adds its scope labels), or -1 when absent. */
    private static double total(String metrics, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{(?![^}]*server=)[^}]*\\})? (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(2)) : -1;
    }

    /** The sample of one server, or -1 when absent. */
    private static double perServer(String metrics, String name, String server) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*server=\"" + Pattern.quote(server)
                + "\"[^}]*\\} (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
