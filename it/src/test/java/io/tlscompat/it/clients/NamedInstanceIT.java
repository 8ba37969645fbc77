package io.tlscompat.it.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.stream.Stream;

/**
 * Real drivers find the simulator by instance name through its SQL Server Browser, which proves the Browser speaks
 * the real protocol: mssql-jdbc sends CLNT_UCAST_INST, jTDS sends CLNT_BCAST_EX, both to UDP 1434 and nowhere else,
 * so the simulator's Browser must hold UDP 1434 on loopback. Where that port cannot be bound (not root, or taken),
 * the tests are skipped with the reason.
 */
class NamedInstanceIT {
    private static final String INSTANCE = "SQLEXPRESS";
    private static Simulator sim;
    private static String cannotBind;

    @BeforeAll
    static void startSimulatorWithBrowserOn1434() throws Exception {
        sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0);
        try {
            sim.answerBrowser(INSTANCE, 1434);
        } catch (IOException e) {
            cannotBind = "UDP 1434 cannot be bound here (" + e.getMessage() + "); the drivers ask no other port";
        }
    }

    @AfterAll
    static void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    static Stream<Arguments> urls() {
        String login = ";user=tlscompat;password=not-a-secret;loginTimeout=10";
        String mssql = ";encrypt=true;trustServerCertificate=true" + login;
        return Stream.of(
                Arguments.of(JdbcDriver.MSSQL_13_2, "jdbc:sqlserver://127.0.0.1\\" + INSTANCE + mssql),
                Arguments.of(JdbcDriver.MSSQL_13_2, "jdbc:sqlserver://127.0.0.1;instanceName=" + INSTANCE + mssql),
                Arguments.of(JdbcDriver.MSSQL_9_4, "jdbc:sqlserver://127.0.0.1\\" + INSTANCE + login),
                // jTDS: the instance wins over a port in the URL (1 is certainly not the simulator's).
                Arguments.of(JdbcDriver.JTDS_1_3_1, "jdbc:jtds:sqlserver://127.0.0.1/master;instance=" + INSTANCE
                        + ";ssl=require;socketTimeout=10" + login),
                Arguments.of(JdbcDriver.JTDS_1_3_1, "jdbc:jtds:sqlserver://127.0.0.1:1/master;instance=" + INSTANCE
                        + ";ssl=require;socketTimeout=10" + login));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("urls")
    void theDriverConnectsByInstanceName(JdbcDriver driver, String url) {
        assumeTrue(cannotBind == null, cannotBind);
        int before = sim.handshakeCount();
        ClientOutcome o = JdbcClient.with(driver).connect(url).single();
        assertThat(o.isLoginFailed()).as(o.toString()).isTrue();
        assertThat(o.message()).contains("Login failed for user 'tlscompat'");
        assertThat(sim.handshakeCount()).isGreaterThan(before);
    }
}
