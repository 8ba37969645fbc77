package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.PreloginMessage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.Test;

/** Handshakes that succeed: the JDK's own TLS client over TDS framing, up to the "Login failed" answer. */
class SimulatorHandshakeTest {

    @Test
    void encryptOnHandshakeAndLoginFailedInsideTls() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0,
                java.net.InetAddress.getLoopbackAddress(), log::add);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            PreloginMessage answer = client.prelogin(EncryptionLevel.ON);
            assertThat(answer.encryption()).isEqualTo(EncryptionLevel.ON);
            assertThat(answer.version().toString()).isEqualTo("15.0.2000");

            SSLSocket tls = client.startTls(TdsTestClient.trustAll(), s -> s.setEnabledProtocols(
                    new String[] {"TLSv1.2"}));
            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.2");
            // Windows Server 2019 order, server order wins: ECDHE_RSA AES-256-GCM first.
            assertThat(tls.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(tls.getSession().getPeerCertificates()[0]).isEqualTo(sim.certificate());

            assertThat(client.loginThroughTls("sa", "Secret123!")).isEqualTo("18456: Login failed for user 'sa'.");
            assertThat(sim.handshakeCount()).isEqualTo(1);
            assertThat(sim.loginCount()).isEqualTo(1);
        }
        assertThat(String.join("\n", log)).doesNotContain("Secret123!");
    }

    @Test
    void encryptOffEncryptsOnlyTheLogin() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2016-win2016"), 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            assertThat(client.prelogin(EncryptionLevel.OFF).encryption()).isEqualTo(EncryptionLevel.OFF);
            client.startTls(TdsTestClient.trustAll(), s -> s.setEnabledProtocols(new String[] {"TLSv1.2"}));
            assertThat(client.loginOnlyEncrypted("app_user", "pw")).isEqualTo(
                    "18456: Login failed for user 'app_user'.");
        }
    }

    @Test
    void noEncryptionProfileSkipsTls() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("no-encryption"), 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            assertThat(client.prelogin(EncryptionLevel.OFF).encryption()).isEqualTo(EncryptionLevel.NOT_SUP);
            assertThat(client.loginPlain("sa", "pw")).isEqualTo("18456: Login failed for user 'sa'.");
            assertThat(sim.handshakeCount()).isZero();
        }
    }

    @Test
    void clientOrderWinsWhenServerOrderIsOff() throws Exception {
        SimulatorProfile profile = SimulatorProfiles.named("sql2019-win2019").toBuilder()
                .serverOrder(false).build();
        try (Simulator sim = Simulator.start(profile, 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            client.prelogin(EncryptionLevel.ON);
            SSLSocket tls = client.startTls(TdsTestClient.trustAll(), s -> {
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                s.setEnabledCipherSuites(new String[] {"TLS_RSA_WITH_AES_128_CBC_SHA",
                        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
            });
            assertThat(tls.getSession().getCipherSuite()).isEqualTo("TLS_RSA_WITH_AES_128_CBC_SHA");
        }
    }

    @Test
    void connectionCountCountsEveryAcceptedConnection() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            for (int i = 0; i < 3; i++) {
                try (TdsTestClient client = TdsTestClient.connect(sim.port())) {
                    client.prelogin(EncryptionLevel.OFF);
                }
            }
            assertThat(sim.connectionCount()).isEqualTo(3);
        }
    }

    @Test
    void ecdheUsesSchannelsFirstCurveTheClientOffers() throws Exception {
        // The JDK offers x25519 first; Windows Server 2012 R2 has no curve25519, so NistP256 it is.
        assertThat(negotiatedWith(SimulatorProfiles.named("sql2014-win2012r2"))).contains(" secp256r1");
        assertThat(negotiatedWith(SimulatorProfiles.named("sql2019-win2019"))).contains(" x25519");
        assertThat(negotiatedWith(SimulatorProfiles.named("sql2019-win2019").toBuilder()
                .namedGroups("secp384r1").build())).contains(" secp384r1");
    }

    private static String negotiatedWith(SimulatorProfile profile) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (Simulator sim = Simulator.start(profile, 0, java.net.InetAddress.getLoopbackAddress(), log::add);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            client.prelogin(EncryptionLevel.ON);
            SSLSocket tls = client.startTls(TdsTestClient.trustAll(), s -> s.setEnabledProtocols(
                    new String[] {"TLSv1.2"}));
            assertThat(tls.getSession().getCipherSuite()).startsWith("TLS_ECDHE_RSA_");
        }
        return log.stream().filter(l -> l.contains("handshake done")).findFirst().orElse("(no handshake)");
    }

    @Test
    void oldClientsGetTls10And3des() throws Exception {
        // A JDK 7-era client (TLS 1.0, 3DES allowed) is what SQL Server 2008 R2 RTM can serve.
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2008r2-rtm"), 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            client.prelogin(EncryptionLevel.ON);
            SSLSocket tls = client.startTls(TdsTestClient.trustAll(), s -> {
                s.setEnabledProtocols(new String[] {"TLSv1"});
                s.setEnabledCipherSuites(new String[] {"TLS_RSA_WITH_3DES_EDE_CBC_SHA"});
            });
            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1");
            // The JDK reports this suite under its SSL_ name, as it does for every SSLv3-era suite.
            assertThat(tls.getSession().getCipherSuite()).isEqualTo("SSL_RSA_WITH_3DES_EDE_CBC_SHA");
            assertThat(client.loginThroughTls("legacy", "pw")).isEqualTo("18456: Login failed for user 'legacy'.");
        }
    }
}
