package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end proof with the real driver (mssql-jdbc 13.2.1): every encrypt mode gets through PRELOGIN and the
 * TLS handshake and fails only at the login, with SQL Server's own error.
 */
class MssqlJdbcSmokeTest {
    private static final String LOGIN_FAILED = "Login failed for user 'sa'.";
    /** mssql-jdbc 12.4+ wraps TLS failures in this text, followed by the JDK's message. */
    private static final String WRAPPER = "\"encrypt\" property is set to \"true\" and \"trustServerCertificate\" "
            + "property is set to \"true\" but the driver could not establish a secure connection to SQL Server by "
            + "using Secure Sockets Layer (SSL) encryption: Error: ";

    private static SQLException connect(String url) {
        Throwable t = catchThrowable(() -> DriverManager.getConnection(url + ";user=sa;password=NotLogged1;"
                + "loginTimeout=10;connectRetryCount=0").close());
        assertThat(t).isInstanceOf(SQLException.class);
        return (SQLException) t;
    }

    @Test
    void encryptTrueGetsLoginFailed() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            SQLException e = connect("jdbc:sqlserver://127.0.0.1:" + sim.port()
                    + ";encrypt=true;trustServerCertificate=true");
            assertThat(e.getMessage()).startsWith(LOGIN_FAILED + " ClientConnectionId:");
            assertThat(e.getErrorCode()).isEqualTo(18456);
            assertThat(sim.handshakeCount()).isEqualTo(1);
        }
    }

    @Test
    void encryptFalseStillDoesTlsForTheLoginOnly() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2014-win2012r2"), 0)) {
            SQLException e = connect("jdbc:sqlserver://127.0.0.1:" + sim.port() + ";encrypt=false");
            assertThat(e.getMessage()).startsWith(LOGIN_FAILED + " ClientConnectionId:");
            assertThat(sim.handshakeCount()).isEqualTo(1);
        }
    }

    @Test
    void encryptStrictUsesTds8WithTls13(@TempDir Path dir) throws Exception {
        java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2022-force-strict"), 0,
                java.net.InetAddress.getLoopbackAddress(), log::add)) {
            Path pem = dir.resolve("server.pem");
            Files.write(pem, ("-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder().encodeToString(sim.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            SQLException e = connect("jdbc:sqlserver://127.0.0.1:" + sim.port() + ";encrypt=strict;serverCertificate="
                    + pem);
            assertThat(e.getMessage()).startsWith(LOGIN_FAILED + " ClientConnectionId:");
            assertThat(sim.handshakeCount()).isEqualTo(1);
            assertThat(log).anyMatch(line -> line.contains("handshake done: TLSv1.3 TLS_AES_256_GCM_SHA384 x25519 (ALPN tds/8.0)"));
        }
    }

    @Test
    void tlsVersionMismatchIsAConnectionReset() throws Exception {
        SimulatorProfile tls12Only = SimulatorProfiles.named("sql2019-win2019").toBuilder()
                .protocols(io.tlscompat.core.tls.TlsVersion.TLSv1_2).build();
        try (Simulator sim = Simulator.start(tls12Only, 0)) {
            SQLException e = connect("jdbc:sqlserver://127.0.0.1:" + sim.port()
                    + ";encrypt=true;trustServerCertificate=true;sslProtocol=TLSv1");
            assertThat(e.getMessage()).contains("Connection reset");
            assertThat(sim.handshakeCount()).isZero();
        }
    }

    @Test
    void dheBugWithResetFailsOnce() throws Exception {
        SimulatorProfile buggy = SimulatorProfiles.named("dhe-only-win2012r2").toBuilder().dheBug(DheBug.ALWAYS)
                .build();
        try (Simulator sim = Simulator.start(buggy, 0)) {
            SQLException e = connect("jdbc:sqlserver://127.0.0.1:" + sim.port()
                    + ";encrypt=true;trustServerCertificate=true");
            assertThat(e.getMessage()).contains("Connection reset ClientConnectionId:");
            JdkMessages.assertStartsWithJdkMessage(e.getMessage(), WRAPPER, "unexpected_message", "Connection reset");
            // A reset is not the driver's "incomplete response", so it does not retry.
            assertThat(sim.connectionCount()).isEqualTo(1);
            assertThat(sim.dheBugHits()).isEqualTo(1);
        }
    }

    @Test
    void dheBugWithCloseTriggersTheDriversSilentTlsRetry() throws Exception {
        // A FIN after the client's Finished is "SQL Server returned an incomplete response", which mssql-jdbc
        // retries (INTERMITTENT_TLS_MAX_RETRY) before giving up.
        SimulatorProfile buggy = SimulatorProfiles.named("dhe-only-win2012r2").toBuilder().dheBug(DheBug.ALWAYS)
                .rejection(Rejection.CLOSE).build();
        try (Simulator sim = Simulator.start(buggy, 0)) {
            SQLException e = connect("jdbc:sqlserver://127.0.0.1:" + sim.port()
                    + ";encrypt=true;trustServerCertificate=true");
            assertThat(e.getMessage()).contains("SQL Server returned an incomplete response");
            JdkMessages.assertStartsWithJdkMessage(e.getMessage(), WRAPPER, "unexpected_message",
                    "SQL Server returned an incomplete response. The connection has been closed.");
            // The first attempt plus INTERMITTENT_TLS_MAX_RETRY (5) silent retries.
            assertThat(sim.connectionCount()).isEqualTo(6);
            assertThat(sim.dheBugHits()).isEqualTo(sim.connectionCount());
        }
    }

    @Test
    void tls13InsideTds7FramingBreaksTheDriver() throws Exception {
        // A server offering TLS 1.3 on the TDS 7.x path (third-party TDS servers, mssql-jdbc #1653; #1524: "With
        // TLS 1.3, the assumption is frequently incorrect and connections usually fail"): the driver switches to
        // raw TCP when its handshake is done, so the server never sees the client's Finished in TDS framing and
        // cannot read the LOGIN7 record. SQL Server itself offers TLS 1.3 only with TDS 8.
        SimulatorProfile tls13OnTds7 = SimulatorProfiles.named("sql2022-win2022").toBuilder()
                .protocols(io.tlscompat.core.tls.TlsVersion.TLSv1_2, io.tlscompat.core.tls.TlsVersion.TLSv1_3)
                .build();
        java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Simulator sim = Simulator.start(tls13OnTds7, 0, java.net.InetAddress.getLoopbackAddress(), log::add)) {
            SQLException e = connect("jdbc:sqlserver://127.0.0.1:" + sim.port()
                    + ";encrypt=true;trustServerCertificate=true");
            assertThat(e.getMessage()).startsWith("Connection reset ClientConnectionId:");
            assertThat(sim.handshakeCount()).isZero();
            assertThat(log).anyMatch(l -> l.contains("handshake rejected (bad_record_mac(20)): reset"));
        }
    }
}
