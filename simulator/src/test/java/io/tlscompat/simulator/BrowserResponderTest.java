package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlscompat.core.browser.BrowserException;
import io.tlscompat.core.browser.InstancePort;
import io.tlscompat.core.browser.InstanceResolver;

import org.junit.jupiter.api.Test;

/** The simulator's SQL Server Browser, asked by core's resolver (the same client the gate and the probe use). */
class BrowserResponderTest {
    @Test
    void answersForItsInstanceAndNotForOthers() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            int udp = sim.answerBrowser("SQLEXPRESS", 0);
            assertThat(sim.browserPort()).isEqualTo(udp).isPositive();
            InstanceResolver r = new InstanceResolver(udp, 2000);
            InstancePort p = r.resolve("127.0.0.1", "sqlexpress", Long.MAX_VALUE);
            assertThat(p.port()).isEqualTo(sim.port());
            assertThat(p.describe()).isEqualTo("instance SQLEXPRESS \u2192 port " + sim.port()
                    + ", from the SQL Server Browser on 127.0.0.1");
            assertThatThrownBy(() -> r.resolve("127.0.0.1", "SALES", Long.MAX_VALUE))
                    .isInstanceOf(BrowserException.class)
                    .hasMessage(String.format(InstanceResolver.MSG_UNKNOWN_INSTANCE, "127.0.0.1", udp, "SALES",
                            "SQLEXPRESS"));
        }
    }
}
