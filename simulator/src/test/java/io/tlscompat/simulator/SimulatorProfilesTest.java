package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.PreloginMessage;
import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.KeyExchange;
import io.tlscompat.core.tls.TlsVersion;

import java.io.InputStream;
import java.net.SocketException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every named profile starts and answers PRELOGIN with its facts; knobs and lifecycle behave. */
class SimulatorProfilesTest {

    static Iterable<String> profileNames() {
        return SimulatorProfiles.names();
    }

    @ParameterizedTest
    @MethodSource("profileNames")
    void everyProfileStartsAndAnswersPreloginWithItsVersion(String name) throws Exception {
        SimulatorProfile profile = SimulatorProfiles.named(name);
        try (Simulator sim = Simulator.start(profile, 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            assertThat(sim.certificate().getSigAlgName()).isEqualTo(profile.certSignature().jcaName());
            if (profile.forceStrict()) {
                return; // covered by the rejection tests: a plain PRELOGIN is reset
            }
            PreloginMessage answer = client.prelogin(EncryptionLevel.ON);
            assertThat(answer.version()).isEqualTo(profile.productVersion());
            assertThat(answer.encryption()).isEqualTo(profile.encryption() == EncryptionLevel.NOT_SUP
                    ? EncryptionLevel.NOT_SUP : EncryptionLevel.ON);
            assertThat(answer.instance()).isEmpty();
        }
    }

    @Test
    void profilesCarryTheDocumentedVersionsAndSuites() {
        SimulatorProfile r2 = SimulatorProfiles.named("sql2008r2-rtm");
        assertThat(r2.productVersion().toString()).isEqualTo("10.50.1600");
        assertThat(r2.protocols()).containsExactly(TlsVersion.TLSv1);
        SimulatorProfile w2012 = SimulatorProfiles.named("sql2014-win2012r2");
        assertThat(w2012.cipherSuites()).filteredOn(s -> s.keyExchange() == KeyExchange.ECDHE)
                .extracting(CipherSuite::name).noneMatch(n -> n.contains("GCM"));
        assertThat(w2012.cipherSuites()).extracting(CipherSuite::name)
                .contains("TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        SimulatorProfile w2019 = SimulatorProfiles.named("sql2019-win2019");
        assertThat(w2019.cipherSuites()).filteredOn(s -> s.keyExchange() == KeyExchange.DHE)
                .extracting(CipherSuite::name).allMatch(n -> n.contains("GCM"));
        SimulatorProfile w2022 = SimulatorProfiles.named("sql2022-win2022");
        assertThat(w2022.strictProtocols()).containsExactly(TlsVersion.TLSv1_3, TlsVersion.TLSv1_2);
        assertThat(w2022.protocols()).doesNotContain(TlsVersion.TLSv1_3);
        assertThat(SimulatorProfiles.named("rsa-only-hardened").cipherSuites())
                .allMatch(s -> s.keyExchange() == KeyExchange.RSA);
        assertThat(SimulatorProfiles.named("dhe-only-win2012r2").dheBug()).isEqualTo(DheBug.INTERMITTENT);
    }

    @Test
    void certificateKnobsShapeTheServedCertificate() throws Exception {
        Instant notAfter = Instant.parse("2020-01-01T00:00:00Z");
        SimulatorProfile p = SimulatorProfiles.named("sql2019-win2019").toBuilder()
                .certSignature(CertificateSignature.SHA512).keySize(1024).certSubjectCn("db01.example.test")
                .certSans("db01.example.test", "db01").certValidity(Instant.parse("2019-01-01T00:00:00Z"), notAfter)
                .build();
        try (Simulator sim = Simulator.start(p, 0)) {
            assertThat(sim.certificate().getSigAlgName()).isEqualTo("SHA512withRSA");
            assertThat(((RSAPublicKey) sim.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(1024);
            assertThat(sim.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=db01.example.test");
            assertThat(sim.certificate().getSubjectAlternativeNames()).hasSize(2);
            assertThat(sim.certificate().getNotAfter()).isEqualTo(Date.from(notAfter));
        }
    }

    @Test
    void unknownNamesAreRejectedWithTheFix() {
        assertThatThrownBy(() -> SimulatorProfiles.named("sql2000"))
                .hasMessageStartingWith("unknown simulator profile 'sql2000'; known profiles: sql2008r2-rtm, ");
        assertThatThrownBy(() -> SimulatorProfile.builder("x").cipherSuites("TLS_NOPE"))
                .hasMessage("unknown cipher suite 'TLS_NOPE': use IANA names such as TLS_RSA_WITH_AES_128_GCM_SHA256");
        assertThatThrownBy(() -> SimulatorProfile.builder("x").forceStrict(true).build())
                .hasMessage("profile x: forceStrict needs strict TLS versions; call strict(TLSv1_3, TLSv1_2) too");
    }

    @Test
    void suitesBouncyCastleCannotServeAreRefusedAtStart() {
        SimulatorProfile rc4 = SimulatorProfiles.named("sql2019-win2019").toBuilder()
                .cipherSuites("TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA").build();
        assertThatThrownBy(() -> Simulator.start(rc4, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("profile sql2019-win2019 lists cipher suites the simulator cannot serve (Bouncy Castle has "
                        + "no implementation): [TLS_RSA_WITH_RC4_128_SHA]; remove them");
    }

    @Test
    void closeEndsIdleConnectionsPromptly() throws Exception {
        Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0);
        try (TdsTestClient idle = TdsTestClient.connect(sim.port())) {
            // Give the simulator time to accept and start waiting for PRELOGIN.
            long deadline = System.currentTimeMillis() + 5000;
            while (sim.connectionCount() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            sim.close();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
            InputStream in = idle.rawInput();
            int read;
            try {
                read = in.read();
            } catch (SocketException e) {
                read = -1;
            }
            assertThat(read).isEqualTo(-1);
        }
        assertThatThrownBy(() -> TdsTestClient.connect(sim.port())).isInstanceOf(java.net.ConnectException.class);
    }
}
