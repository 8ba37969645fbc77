package io.tlscompat.it.clients;

import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.ClientRun;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intermittent DHE failure of KB4557473 as a real client meets it: most handshakes with the DHE-only,
 * unpatched 2012 R2 profile succeed, about one in 256 fails after the client's Finished. jTDS is the client because
 * it does not retry (mssql-jdbc retries such failures silently up to five times).
 */
class DheLeadingZeroBugIT {
    /** Connections per client JVM. */
    private static final int BATCH = 400;
    /** Upper bound on batches: P(no failure in 4000 handshakes at 1/256) is about 1.6e-7. */
    private static final int MAX_BATCHES = 10;

    @Test
    void someHandshakesFailMostSucceedAndEveryFailureIsABugHit() throws Exception {
        JdbcDriver driver = JdbcDriver.JTDS_1_3_1;
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("dhe-only-win2012r2"), 0)) {
            List<ClientOutcome> all = new ArrayList<>();
            List<ClientOutcome> failures = new ArrayList<>();
            // Stop once failures were seen: the point is that they happen, and what they look like.
            for (int batch = 0; batch < MAX_BATCHES && failures.isEmpty(); batch++) {
                ClientRun run = JdbcClient.with(driver).repeat(BATCH)
                        .connect(driver.url(sim.port(), "ssl=require"));
                all.addAll(run.outcomes());
                failures.addAll(run.failures());
            }
            String why = all.size() + " handshakes, " + failures.size() + " failures, simulator saw "
                    + sim.dheBugHits() + " bug hits; first failure " + (failures.isEmpty() ? "-" : failures.get(0));
            System.out.println("[DheLeadingZeroBugIT] " + why);
            assertThat(failures).as(why).isNotEmpty();
            // "Most succeed": the real rate is ~1/256; allow 5 % before calling it something else.
            assertThat(failures.size()).as(why).isLessThan(all.size() / 20);
            // Every failure the client saw is one the simulator caused by the bug, and vice versa.
            assertThat(sim.dheBugHits()).as(why).isEqualTo(failures.size());
            assertThat(all.size() - failures.size()).as(why)
                    .isEqualTo((int) all.stream().filter(ClientOutcome::isLoginFailed).count());
            // What jTDS reports: the reset after its Finished (the profile rejects like Schannel, by RST).
            for (ClientOutcome f : failures) {
                assertThat(f.outcome()).as(why).isEqualTo(ClientOutcome.EXCEPTION);
                assertThat(f.chainText()).as(why).contains(ClientsAgainstSimulatorIT.CONNECTION_RESET);
            }
        }
    }
}
