package io.tlscompat.agent.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.record.Diagnosis;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.agent.record.Phase;
import io.tlscompat.agent.record.Records;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.finding.FindingCode;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

class DheCountersTest {
    private static final String DHE = "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384";

    @Test
    void resetAfterKeyExchangeOnDheAmongSuccessesNamesTheRate() {
        DheCounters counters = new DheCounters();
        for (int i = 0; i < 19; i++) {
            assertThat(counters.observe(Records.ok("db1", 1433, "TLSv1.2", DHE))).isNull();
        }
        Diagnosis d = counters.observe(Records.failed("db1", 1433, Outcome.RESET, Phase.KEY_EXCHANGE_SENT, DHE,
                new SocketException("Connection reset"), "TLSv1.2"));
        assertThat(d.code()).isEqualTo(FindingCode.DHE_LEADING_ZERO_RISK);
        assertThat(d.message()).contains("1 of 20 DHE handshakes to db1:1433 failed (5.0 %)")
                .contains("intermittent");
        assertThat(d.remediation()).isEqualTo(FindingTexts.FIX_DHE_RISK);
        assertThat(counters.failureRate("db1:1433")).isEqualTo(0.05);
    }

    @Test
    void ecdheAndEarlyFailuresAreNotDhe() {
        DheCounters counters = new DheCounters();
        assertThat(counters.observe(Records.failed("db1", 1433, Outcome.RESET, Phase.KEY_EXCHANGE_SENT,
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", new SocketException("Connection reset"), "TLSv1.2")))
                .isNull();
        assertThat(counters.observe(Records.failed("db1", 1433, Outcome.RESET, Phase.SERVER_HELLO_RECEIVED, DHE,
                new SocketException("Connection reset"), "TLSv1.2"))).isNull();
        assertThat(counters.failureRate("db2:1433")).isEqualTo(-1);
    }
}
