package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tls.TlsVersion;

import java.io.EOFException;
import java.net.SocketException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** How handshakes fail, as the JDK's own TLS client sees it over TDS framing. */
class SimulatorRejectionTest {

    /** Runs PRELOGIN(ON) and a TDS-wrapped JDK handshake with the given protocols and suites. */
    private static Throwable handshakeFailure(Simulator sim, String[] protocols, String[] suites) throws Exception {
        try (TdsTestClient client = TdsTestClient.connect(sim.port())) {
            client.prelogin(EncryptionLevel.ON);
            ThrowingCallable handshake = () -> client.startTls(TdsTestClient.trustAll(), s -> {
                s.setEnabledProtocols(protocols);
                if (suites != null) {
                    s.setEnabledCipherSuites(suites);
                }
            });
            return catchThrowable(handshake);
        }
    }

    private static boolean chainHasConnectionReset(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SocketException && String.valueOf(c.getMessage()).contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void protocolMismatchIsReset() throws Exception {
        // Scenario 1: a TLS 1.0-only client (JDK 7 defaults, sslProtocol=TLSv1) against a TLS 1.2-only server.
        SimulatorProfile tls12Only = SimulatorProfiles.named("sql2019-win2019").toBuilder()
                .protocols(TlsVersion.TLSv1_2).build();
        try (Simulator sim = Simulator.start(tls12Only, 0)) {
            Throwable t = handshakeFailure(sim, new String[] {"TLSv1"}, null);
            assertThat(chainHasConnectionReset(t)).as("Connection reset in %s", t).isTrue();
            assertThat(sim.handshakeCount()).isZero();
        }
    }

    @Test
    void oldServerAnswersWithAVersionTheJdkRefuses() throws Exception {
        // Scenario 1a: JDK 16+ (TLS 1.3/1.2) against SQL Server 2008 R2 RTM (TLS 1.0 only): Schannel still answers
        // with a TLS 1.0 ServerHello and the JDK refuses it.
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2008r2-rtm"), 0)) {
            Throwable t = handshakeFailure(sim, new String[] {"TLSv1.3", "TLSv1.2"}, null);
            assertThat(t).isInstanceOf(SSLHandshakeException.class);
            JdkMessages.assertJdkMessage(t.getMessage(), "protocol_version",
                    "The server selected protocol version TLS10 is not accepted by client preferences [TLS13, TLS12]");
        }
    }

    @Test
    void tls13OnlyClientAgainstPreTls13Schannel() throws Exception {
        // A TLSv1.3-only JDK client offers only TLS_AES_* suites: a Schannel without TLS 1.3 finds no common
        // suite and resets (no ServerHello with a refused version, unlike the TLS 1.0-only server above).
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            Throwable t = handshakeFailure(sim, new String[] {"TLSv1.3"}, null);
            assertThat(chainHasConnectionReset(t)).as("Connection reset in %s", t).isTrue();
        }
    }

    @Test
    void tls13OnlyClientOnTds7OfSql2022IsReset() throws Exception {
        // Windows Server 2022 knows TLS 1.3 but SQL Server 2022 allows it only with TDS 8 (mssql-jdbc #2149:
        // the server terminates the connection right after the ClientHello).
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2022-win2022"), 0)) {
            Throwable t = handshakeFailure(sim, new String[] {"TLSv1.3"}, null);
            assertThat(chainHasConnectionReset(t)).as("Connection reset in %s", t).isTrue();
        }
    }

    @Test
    void cipherMismatchIsReset() throws Exception {
        // Scenario 2: the hardened server has TLS_RSA_* only, the client (JDK 24-like) offers none of them.
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("rsa-only-hardened"), 0)) {
            Throwable t = handshakeFailure(sim, new String[] {"TLSv1.2"},
                    new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"});
            assertThat(chainHasConnectionReset(t)).as("Connection reset in %s", t).isTrue();
        }
    }

    @Test
    void alertModeSendsHandshakeFailureInsideTds() throws Exception {
        SimulatorProfile alerting = SimulatorProfiles.named("rsa-only-hardened").toBuilder()
                .rejection(Rejection.ALERT).build();
        try (Simulator sim = Simulator.start(alerting, 0)) {
            Throwable t = handshakeFailure(sim, new String[] {"TLSv1.2"},
                    new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
            assertThat(t).isInstanceOf(SSLHandshakeException.class);
            JdkMessages.assertJdkMessage(t.getMessage(), "handshake_failure", "Received fatal alert: handshake_failure");
        }
    }

    @Test
    void closeModeEndsTheConnectionWithoutAlert() throws Exception {
        SimulatorProfile closing = SimulatorProfiles.named("rsa-only-hardened").toBuilder()
                .rejection(Rejection.CLOSE).build();
        try (Simulator sim = Simulator.start(closing, 0)) {
            Throwable t = handshakeFailure(sim, new String[] {"TLSv1.2"},
                    new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
            assertThat(t).isInstanceOf(SSLHandshakeException.class);
            assertThat(t.getMessage()).isEqualTo("Remote host terminated the handshake");
            assertThat(t.getCause()).isInstanceOf(EOFException.class);
        }
    }

    @Test
    void forceStrictResetsAPlainPrelogin() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2022-force-strict"), 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            Throwable t = catchThrowable(() -> client.prelogin(EncryptionLevel.ON));
            assertThat(chainHasConnectionReset(t)).as("Connection reset in %s", t).isTrue();
        }
    }

    @Test
    void weakCertificateIsResetOnTls12() throws Exception {
        // Scenario 3: an MD5-signed certificate makes Schannel fail every TLS 1.2 handshake.
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("md5-cert"), 0)) {
            assertThat(sim.certificate().getSigAlgName()).isEqualTo("MD5withRSA");
            assertThat(sim.certificate().getIssuerX500Principal().getName()).isEqualTo("CN=Corp Issuing CA");
            assertThat(sim.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=sql.example.test");
            Throwable t = handshakeFailure(sim, new String[] {"TLSv1.2"}, null);
            assertThat(chainHasConnectionReset(t)).as("Connection reset in %s", t).isTrue();
        }
    }

    @Test
    void aSelfSignedWeakCertificateIsNotResetBecauseSchannelSparesIt() throws Exception {
        // "Self-signed certificates aren't affected": the TLS 1.2 handshake goes on, and the JDK refuses MD5 itself.
        SimulatorProfile selfSigned = SimulatorProfiles.named("md5-cert").toBuilder().certIssuerCn(null).build();
        try (Simulator sim = Simulator.start(selfSigned, 0)) {
            assertThat(sim.certificate().getIssuerX500Principal())
                    .isEqualTo(sim.certificate().getSubjectX500Principal());
            Throwable t = handshakeFailure(sim, new String[] {"TLSv1.2"}, null);
            assertThat(chainHasConnectionReset(t)).as("Connection reset in %s", t).isFalse();
            assertThat(t).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void weakCertificateServedAnywayIsRefusedByTheJdk() throws Exception {
        SimulatorProfile serveAnyway = SimulatorProfiles.named("md5-cert").toBuilder()
                .schannelRejectsWeakCertificate(false).build();
        try (Simulator sim = Simulator.start(serveAnyway, 0)) {
            Throwable t = handshakeFailure(sim, new String[] {"TLSv1.2"}, null);
            // Even a trust-all trust manager is wrapped by the JDK's algorithm constraints (MD5withRSA disabled).
            assertThat(t).isInstanceOf(SSLHandshakeException.class);
            JdkMessages.assertJdkMessage(t.getMessage(), "unsupported_certificate",
                    "Certificates do not conform to algorithm constraints");
            assertThat(t.getCause().getCause())
                    .hasMessage("Algorithm constraints check failed on signature algorithm: MD5withRSA");
        }
    }

    @Test
    void tds8NegotiatesAlpnAndTls13() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2022-win2022"), 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            SSLSocket tls = client.startStrictTls(TdsTestClient.trustAll(), s -> { });
            assertThat(tls.getApplicationProtocol()).isEqualTo("tds/8.0");
            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(client.strictPrelogin().encryption()).isEqualTo(EncryptionLevel.NOT_SUP);
            assertThat(client.loginThroughTls("sa", "pw")).isEqualTo("18456: Login failed for user 'sa'.");
        }
    }

    @Test
    void tds8OnAServerWithoutStrictIsClosed() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            Throwable t = catchThrowable(() -> client.startStrictTls(TdsTestClient.trustAll(), s -> { }));
            assertThat(t).isInstanceOf(SSLHandshakeException.class)
                    .hasMessage("Remote host terminated the handshake");
        }
    }
}
