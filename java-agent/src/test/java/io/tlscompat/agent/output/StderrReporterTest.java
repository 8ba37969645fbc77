package io.tlscompat.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.agent.record.Phase;
import io.tlscompat.agent.record.Records;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The stderr rate limit: one full line per kind of failure, then a folded line at most every 10 s. */
class StderrReporterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong now = new AtomicLong(1_000_000L);
    private final StderrReporter reporter = new StderrReporter(new PrintStream(bytes, true), now::get);

    private List<String> lines() {
        String s = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\R"));
    }

    private static HandshakeRecord reset(String host) {
        return Records.failed(host, 1433, Outcome.RESET, Phase.CLIENT_HELLO_SENT, null,
                new SocketException("Connection reset"), "TLSv1.2");
    }

    @Test
    void theFirstFailureGetsItsLineAndTheRestAreFoldedEveryTenSeconds() {
        HandshakeRecord first = reset("db1");
        reporter.consume(first);
        HandshakeRecord second = reset("db1");
        for (int i = 0; i < 1487; i++) {
            reporter.consume(i == 0 ? second : reset("db1"));
        }
        assertThat(lines()).containsExactly(StderrReporter.line(first));
        now.addAndGet(FailureLineLimiter.FOLD_INTERVAL_MILLIS - 1);
        reporter.idle();
        assertThat(lines()).hasSize(1);
        now.addAndGet(1);
        reporter.idle();
        String since = new SimpleDateFormat("HH:mm:ss", Locale.ROOT).format(new Date(second.timeMillis()));
        assertThat(lines()).containsExactly(StderrReporter.line(first),
                "[tls-compat] \u2026 and 1,487 more resets from db1:1433 since " + since + ", no diagnosis");
        reporter.idle();
        reporter.close();
        assertThat(lines()).as("nothing pending, nothing more").hasSize(2);
    }

    @Test
    void eachServerHasItsOwnFirstLineAndExitFlushesWhatIsPending() {
        reporter.consume(reset("db1"));
        reporter.consume(reset("db2"));
        reporter.consume(reset("db2"));
        reporter.consume(Records.ok("db1", 1433, "TLSv1.2", "TLS_AES_128_GCM_SHA256"));
        assertThat(lines()).hasSize(2);
        reporter.close();
        assertThat(lines()).hasSize(3);
        assertThat(lines().get(2)).startsWith("[tls-compat] \u2026 and 1 more resets from db2:1433 since ");
    }

    @Test
    void aLocalCloseSaysSoInsteadOfBlamingTheServer() {
        HandshakeRecord r = Records.failed("db1", 1433, Outcome.CLOSED_LOCALLY, Phase.CLIENT_HELLO_SENT, null,
                new SocketException("Socket closed"), "TLSv1.2");
        assertThat(StderrReporter.line(r)).isEqualTo("[tls-compat] closed-locally from db1:1433 after ClientHello: "
                + StderrReporter.CLOSED_LOCALLY);
    }
}
