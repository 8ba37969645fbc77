package io.tlscompat.it.clients;

import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.it.support.OpenSslCertificate;
import io.tlscompat.it.support.OpenSslServer;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static io.tlscompat.it.clients.ClientsAgainstSimulatorIT.CONNECTION_RESET;
import static io.tlscompat.it.clients.ClientsAgainstSimulatorIT.PKIX_FAILED;
import static io.tlscompat.it.clients.ClientsAgainstSimulatorIT.TLS10_REFUSED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client scenarios again with an independent TLS server: {@code openssl s_server} behind the simulator's TDS
 * front door. The JDBC driver's TLS records travel inside TDS packets exactly as with SQL Server, so the outcomes
 * are those of a real server whose TLS is OpenSSL's rather than Bouncy Castle's. (s_server speaks no TDS after the
 * handshake, so "handshake succeeded" shows in s_server's log, not as a login failure.)
 */
class ClientsAgainstOpenSslRelayIT {
    /** s_server prints this for every handshake it completes. */
    private static final String OPENSSL_HANDSHAKE_DONE = "CIPHER is ";
    /** What JSSE says when the server sends a handshake_failure alert instead of resetting. */
    private static final String ALERT_HANDSHAKE_FAILURE = "Received fatal alert: handshake_failure";
    /** What JSSE says when the server refuses every offered version with an alert. */
    private static final String ALERT_PROTOCOL_VERSION = "Received fatal alert: protocol_version";

    @TempDir
    Path dir;

    private static Simulator relayTo(OpenSslServer backend, boolean resetOnFailure) throws Exception {
        return Simulator.start(SimulatorProfile.builder("openssl-relay")
                .description("openssl s_server behind a SQL Server TDS front door")
                .relayTo("127.0.0.1", backend.port()).relayResetOnBackendFailure(resetOnFailure).build(), 0);
    }

    @Test
    void handshakeWithOpenSslSucceedsInsideTdsFraming() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "relay.example.test", 2048, "sha256");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-no_tls1_3");
             Simulator sim = relayTo(backend, false)) {
            JdbcDriver driver = JdbcDriver.JTDS_1_3_1;
            // After the handshake jTDS sends LOGIN7 inside TLS; s_server does not answer it, so the login times out.
            ClientOutcome o = JdbcClient.with(driver).timeout(Duration.ofSeconds(60))
                    .connect(driver.url(sim.port(), "ssl=require;loginTimeout=3;socketTimeout=3")).single();
            assertThat(o.isLoginFailed()).as(o.toString()).isFalse();
            assertThat(backend.log()).as(o.toString()).contains(OPENSSL_HANDSHAKE_DONE);
        }
    }

    @Test
    void untrustedOpenSslCertificateFailsPkixWithCurrentDriver() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "relay.example.test", 2048, "sha256");
        // No TLS 1.3: SQL Server does not offer it over TDS 7.x framing, and the relay cannot carry it there.
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-no_tls1_3");
             Simulator sim = relayTo(backend, false)) {
            JdbcDriver driver = JdbcDriver.MSSQL_13_2;
            ClientOutcome o = JdbcClient.with(driver).connect(driver.url(sim.port(), "")).single();
            assertThat(o.outcome()).as(o.toString()).isEqualTo(ClientOutcome.EXCEPTION);
            assertThat(o.chainText()).contains(PKIX_FAILED);
        }
    }

    /**
     * Unlike Schannel (and the simulator), which answers a TLS 1.2 hello with a TLS 1.0 ServerHello that the JDK then
     * refuses, OpenSSL honours supported_versions and refuses first, with an alert.
     */
    @Test
    void tls10OnlyOpenSslRefusesAModernJdkWithAProtocolVersionAlert() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "legacy.example.test", 2048, "sha256");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1", "-cipher", "ALL:@SECLEVEL=0");
             Simulator sim = relayTo(backend, false)) {
            JdbcDriver driver = JdbcDriver.MSSQL_13_2;
            ClientOutcome o = JdbcClient.with(driver)
                    .connect(driver.url(sim.port(), "encrypt=true;trustServerCertificate=true")).single();
            assertThat(o.outcome()).as(o.toString()).isEqualTo(ClientOutcome.EXCEPTION);
            assertThat(o.chainText()).contains(ALERT_PROTOCOL_VERSION).doesNotContain(TLS10_REFUSED);
        }
    }

    @Test
    void noCommonSuiteGivesOpenSslsAlertOrSchannelsResetThroughTheRelay() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "rsa-only.example.test", 2048, "sha256");
        JdbcDriver driver = JdbcDriver.MSSQL_13_2;
        String onlyEcdheGcm = "-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1_2", "-cipher", "AES128-SHA:AES256-SHA")) {
            try (Simulator sim = relayTo(backend, false)) {
                ClientOutcome o = JdbcClient.with(driver).jvmArgs(onlyEcdheGcm)
                        .connect(driver.url(sim.port(), "encrypt=true;trustServerCertificate=true")).single();
                assertThat(o.chainText()).as("OpenSSL's own answer").contains(ALERT_HANDSHAKE_FAILURE);
            }
            try (Simulator sim = relayTo(backend, true)) {
                ClientOutcome o = JdbcClient.with(driver).jvmArgs(onlyEcdheGcm)
                        .connect(driver.url(sim.port(), "encrypt=true;trustServerCertificate=true")).single();
                assertThat(o.chainText()).as("the relay resetting like Schannel").contains(CONNECTION_RESET);
            }
        }
    }
}
