package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** jTDS 1.3.1, the other real driver: its own TLS-in-TDS framing reaches the login failure too. */
class JtdsSmokeTest {

    private static SQLException connect(int port, String ssl) {
        Throwable t = catchThrowable(() -> DriverManager.getConnection("jdbc:jtds:sqlserver://127.0.0.1:" + port
                + ";ssl=" + ssl + ";loginTimeout=10;socketTimeout=10", "sa", "NotLogged1").close());
        assertThat(t).isInstanceOf(SQLException.class);
        return (SQLException) t;
    }

    @Test
    void sslRequireHandshakesAndGetsLoginFailed() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2016-win2016"), 0)) {
            SQLException e = connect(sim.port(), "require");
            assertThat(e.getMessage()).isEqualTo("Login failed for user 'sa'.");
            assertThat(e.getErrorCode()).isEqualTo(18456);
            assertThat(sim.handshakeCount()).isEqualTo(1);
        }
    }

    @Test
    void sslOffSendsNoPreloginAndNoTls() throws Exception {
        // jTDS with ssl=off (its default) sends LOGIN7 straight away, in plaintext.
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2016-win2016"), 0)) {
            SQLException e = connect(sim.port(), "off");
            assertThat(e.getMessage()).isEqualTo("Login failed for user 'sa'.");
            assertThat(sim.handshakeCount()).isZero();
            assertThat(sim.loginCount()).isEqualTo(1);
        }
    }

    @Test
    void sslOffCannotReachAServerThatForcesEncryption() throws Exception {
        SimulatorProfile forced = SimulatorProfiles.named("sql2016-win2016").toBuilder()
                .encryption(io.tlscompat.core.tds.EncryptionLevel.REQ).build();
        try (Simulator sim = Simulator.start(forced, 0)) {
            SQLException e = connect(sim.port(), "off");
            assertThat(e.getMessage()).isEqualTo("I/O Error: DB server closed connection.");
            assertThat(sim.loginCount()).isZero();
        }
    }
}
