package io.tlscompat.it.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.client.ClientDriver;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.JavaClientProfiles;
import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Evaluator;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.kb.KnowledgeBase;
import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gate's predictions against reality: for every simulator profile, the verdict the evaluator predicts from the
 * probe (no error finding = the handshake completes) must equal what the real driver on the real JDK does
 * (a completed handshake shows as "Login failed"). The DHE-bug profile is left out: its failures are intermittent by
 * design, and the gate predicts them as a warning, not an outcome.
 */
class GatePredictionMatchesRealClientsIT {
    /** Real clients: driver, JDK and URL options. */
    private enum Client {
        MSSQL_13_JDK17(JdbcDriver.MSSQL_13_2, "13.2.1.jre11", TestJdk.DEFAULT, "trustServerCertificate=true"),
        MSSQL_13_TEMURIN25(JdbcDriver.MSSQL_13_2, "13.2.1.jre11", TestJdk.TEMURIN_25, "trustServerCertificate=true"),
        /** encrypt=true by default: the self-signed simulator certificate must fail validation. */
        MSSQL_13_VALIDATING_JDK17(JdbcDriver.MSSQL_13_2, "13.2.1.jre11", TestJdk.DEFAULT, ""),
        /** encrypt=false by default: TLS for the login packet only. */
        MSSQL_9_JDK17(JdbcDriver.MSSQL_9_4, "9.4.1.jre11", TestJdk.DEFAULT, ""),
        JTDS_REQUIRE_JDK17(JdbcDriver.JTDS_1_3_1, "1.3.1", TestJdk.DEFAULT, "ssl=require");

        final JdbcDriver driver;
        final String version;
        final TestJdk jdk;
        final String options;

        Client(JdbcDriver driver, String version, TestJdk jdk, String options) {
            this.driver = driver;
            this.version = version;
            this.jdk = jdk;
            this.options = options;
        }
    }

    static Stream<String> profiles() {
        return SimulatorProfiles.names().stream().filter(n -> !n.startsWith("dhe-only"));
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void predictionEqualsTheRealDriversOutcome(String profile) throws Exception {
        List<String> mismatches = new ArrayList<>();
        try (Simulator sim = Simulator.start(SimulatorProfiles.named(profile), 0)) {
            ServerProfile server = new TdsProbe(ProbeSettings.builder().build()).probe("localhost", sim.port());
            for (Client c : Client.values()) {
                if (!c.jdk.isPresent()) {
                    continue;
                }
                String url = c.driver.url(sim.port(), c.options);
                KnowledgeBase kb = KnowledgeBase.get();
                String kbId = c.driver.isMicrosoft() ? "mssql-jdbc" : "jtds";
                ClientProfile client = JavaClientProfiles.build(JdbcTarget.parse(url, "test"),
                        new ClientDriver(kb.driver(kbId), "g", kbId, c.version),
                        JdkPolicies.fork(c.jdk.java().getParent().getParent().toFile(), 30000));
                Evaluation predicted = new Evaluator(Instant.now(), false).evaluate("localhost:" + sim.port(),
                        client, server);
                boolean predictedOk = true;
                for (Finding f : predicted.findings()) {
                    predictedOk &= f.severity() != Severity.ERROR;
                }
                ClientOutcome actual = JdbcClient.with(c.driver).jdk(c.jdk).connect(url).single();
                if (predictedOk != actual.isLoginFailed()) {
                    mismatches.add(c + ": predicted " + (predictedOk ? "handshake" : "failure " + predicted.findings())
                            + " but the driver said " + actual);
                }
            }
        }
        assertThat(mismatches).as(profile).isEmpty();
    }
}
