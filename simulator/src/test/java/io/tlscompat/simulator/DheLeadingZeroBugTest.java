package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tlscompat.core.tds.EncryptionLevel;

import java.math.BigInteger;
import java.net.SocketException;

import javax.net.ssl.SSLSocket;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.agreement.DHBasicAgreement;
import org.bouncycastle.crypto.params.DHPrivateKeyParameters;
import org.bouncycastle.crypto.params.DHPublicKeyParameters;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.crypto.TlsDHConfig;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsDHDomain;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

/** The Windows DHE leading-zero bug (KB4557473) as the simulator reproduces it. */
class DheLeadingZeroBugTest {
    private static final String[] DHE_SUITE = {"TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"};

    private static SSLSocket dheHandshake(Simulator sim, TdsTestClient client) throws Exception {
        client.prelogin(EncryptionLevel.ON);
        return client.startTls(TdsTestClient.trustAll(), s -> {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            s.setEnabledCipherSuites(DHE_SUITE);
        });
    }

    @Test
    void patchedServerCompletesDheHandshakes() throws Exception {
        SimulatorProfile patched = SimulatorProfiles.named("dhe-only-win2012r2").toBuilder()
                .dheBug(DheBug.NEVER).build();
        try (Simulator sim = Simulator.start(patched, 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            SSLSocket tls = dheHandshake(sim, client);
            assertThat(tls.getSession().getCipherSuite()).isEqualTo(DHE_SUITE[0]);
            assertThat(client.loginThroughTls("sa", "pw")).isEqualTo("18456: Login failed for user 'sa'.");
            assertThat(sim.dheBugHits()).isZero();
        }
    }

    @Test
    void forcedBugResetsAfterTheClientFinished() throws Exception {
        SimulatorProfile buggy = SimulatorProfiles.named("dhe-only-win2012r2").toBuilder()
                .dheBug(DheBug.ALWAYS).build();
        try (Simulator sim = Simulator.start(buggy, 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            Throwable t = catchThrowable(() -> dheHandshake(sim, client));
            assertThat(t).isNotNull();
            boolean reset = false;
            for (Throwable c = t; c != null; c = c.getCause()) {
                reset |= c instanceof SocketException && String.valueOf(c.getMessage()).contains("Connection reset");
            }
            assertThat(reset).as("Connection reset in %s", t).isTrue();
            // The server got as far as computing the (wrong) secret: the failure is after ClientKeyExchange.
            assertThat(sim.dheBugHits()).isEqualTo(1);
            assertThat(sim.handshakeCount()).isZero();
        }
    }

    @Test
    void forcedBugDoesNotTouchEcdhe() throws Exception {
        SimulatorProfile buggy = SimulatorProfiles.named("sql2014-win2012r2").toBuilder()
                .dheBug(DheBug.ALWAYS).build();
        try (Simulator sim = Simulator.start(buggy, 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            client.prelogin(EncryptionLevel.ON);
            SSLSocket tls = client.startTls(TdsTestClient.trustAll(), s -> s.setEnabledProtocols(
                    new String[] {"TLSv1.2"}));
            // Windows 2012 R2 order: ECDHE_RSA CBC first, no ECDHE_RSA GCM.
            assertThat(tls.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");
            assertThat(sim.dheBugHits()).isZero();
        }
    }

    @Test
    void intermittentBugDiffersFromRfcExactlyWhenTheSecretHasALeadingZero() throws Exception {
        LeadingZeroBugCrypto crypto = new LeadingZeroBugCrypto(DheBug.INTERMITTENT);
        TlsDHConfig config = new TlsDHConfig(NamedGroup.ffdhe2048, false);
        BcTlsDHDomain buggy = (BcTlsDHDomain) crypto.createDHDomain(config);
        BcTlsDHDomain correct = new BcTlsDHDomain(crypto, config);
        boolean sawLeadingZero = false;
        boolean sawNormal = false;
        // About 1 in 256 shared secrets starts with a zero byte; 4000 tries miss one with probability < 1e-6.
        for (int i = 0; i < 4000 && !(sawLeadingZero && sawNormal); i++) {
            AsymmetricCipherKeyPair a = correct.generateKeyPair();
            AsymmetricCipherKeyPair b = correct.generateKeyPair();
            DHPrivateKeyParameters priv = (DHPrivateKeyParameters) a.getPrivate();
            DHPublicKeyParameters pub = (DHPublicKeyParameters) b.getPublic();
            DHBasicAgreement agreement = new DHBasicAgreement();
            agreement.init(priv);
            BigInteger z = agreement.calculateAgreement(pub);
            boolean leadingZero = BigIntegers.getUnsignedByteLength(z) < 256;
            byte[] rfc = correct.calculateDHAgreement(priv, pub).extract();
            byte[] windows = buggy.calculateDHAgreement(priv, pub).extract();
            assertThat(rfc).isEqualTo(BigIntegers.asUnsignedByteArray(z));
            if (leadingZero) {
                sawLeadingZero = true;
                assertThat(windows).hasSize(256).isNotEqualTo(rfc);
            } else {
                sawNormal = true;
                assertThat(windows).isEqualTo(rfc);
            }
        }
        assertThat(sawLeadingZero).isTrue();
        assertThat(sawNormal).isTrue();
        assertThat(crypto.wrongSecrets()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void dheGroupSizeKnobReachesTheClient() throws Exception {
        SimulatorProfile oldWindows = SimulatorProfiles.named("dhe-only-win2012r2").toBuilder()
                .dheBug(DheBug.NEVER).dheGroupBits(1024).build();
        java.util.List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Simulator sim = Simulator.start(oldWindows, 0, java.net.InetAddress.getLoopbackAddress(), log::add);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            SSLSocket tls = dheHandshake(sim, client);
            assertThat(tls.getSession().getCipherSuite()).isEqualTo(DHE_SUITE[0]);
        }
        assertThat(log).anyMatch(l -> l.contains("handshake done: TLSv1.2 " + DHE_SUITE[0] + " DHE 1024-bit"));
    }
}
