package io.tlscompat.it.probe;

import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tls.TlsVersion;
import io.tlscompat.it.support.OpenSslCertificate;
import io.tlscompat.it.support.OpenSslOracle;
import io.tlscompat.it.support.OpenSslServer;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import io.tlscompat.simulator.SimulatorProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe against a real, independent TLS implementation: {@code openssl s_server} behind the simulator's TDS
 * front door (relay mode). What the probe reports must equal what OpenSSL's own client finds against the same
 * s_server on plain TLS ({@link OpenSslOracle}).
 */
class ProbeAgainstOpenSslRelayIT {
    @TempDir
    Path dir;

    @Test
    void serverOrderedModernServerWithTls13() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "modern.example.test", 2048, "sha256");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-serverpref",
                "-cipher", "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384"
                        + ":AES256-SHA256:AES128-SHA:@SECLEVEL=0",
                "-ciphersuites", "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384")) {
            probeMatchesOpenSsl(backend, cert, false);
        }
    }

    @Test
    void legacyTls10OnlyServerWithSha1Certificate() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "legacy.example.test", 1024, "sha1");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1",
                "-cipher", "AES128-SHA:AES256-SHA:ECDHE-RSA-AES128-SHA:@SECLEVEL=0")) {
            probeMatchesOpenSsl(backend, cert, false);
        }
    }

    @Test
    void clientOrderedTls12OnlyServerWithMd5CertificateAndResetOnFailure() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "md5.example.test", 2048, "md5");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1_2",
                "-cipher", "AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-SHA256:@SECLEVEL=0")) {
            probeMatchesOpenSsl(backend, cert, true);
        }
    }

    @Test
    void strictFrontDoorRelaysTlsFirstToOpenSslWithAlpn() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "strict.example.test", 2048, "sha384");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-no_tls1", "-no_tls1_1", "-serverpref",
                "-alpn", "tds/8.0", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384:AES128-GCM-SHA256:@SECLEVEL=0")) {
            Map<TlsVersion, ProtocolSupport> expected = oracle(backend);
            // A SQL Server 2022 front door: TDS 7.x and TDS 8 both relayed to the same OpenSSL.
            SimulatorProfile profile = SimulatorProfiles.named("sql2022-win2022").toBuilder().name("strict-relay")
                    .relayTo("127.0.0.1", backend.port()).build();
            try (Simulator sim = Simulator.start(profile, 0)) {
                ServerProfile result = ProbeAgainstSimulatorIT.probe(sim);
                String why = backend + " probed as " + result.toJsonText();
                assertThat(result.tds8().supported()).as(why).isTrue();
                assertThat(result.tds8().alpn()).as(why).isEqualTo("tds/8.0");
                assertThat(result.tds8().protocols()).as(why)
                        .isEqualTo(ExpectedProfile.inComparableOrder(expected, result.tds8().protocols()));
                assertThat(result.tds7().protocols()).as(why)
                        .isEqualTo(ExpectedProfile.inComparableOrder(expected, result.tds7().protocols()));
                assertThat(result.certificate().signatureAlgorithm()).as(why).isEqualTo("SHA384withRSA");
                assertThat(result.connections()).as(why).isEqualTo(sim.connectionCount());
                ProbeAgainstSimulatorIT.assertWithinIssueBudget(result);
            }
        }
    }

    /** What OpenSSL's own client finds, per version, against the plain-TLS backend. */
    private static Map<TlsVersion, ProtocolSupport> oracle(OpenSslServer backend) {
        OpenSslOracle oracle = new OpenSslOracle("127.0.0.1", backend.port());
        Map<TlsVersion, ProtocolSupport> expected = new EnumMap<>(TlsVersion.class);
        for (TlsVersion v : TlsVersion.values()) {
            List<String> suites = oracle.acceptedSuites(v);
            if (!suites.isEmpty()) {
                expected.put(v, new ProtocolSupport(suites, oracle.serverOrder(v, suites)));
            }
        }
        assertThat(expected).as("openssl accepts something at all: " + backend.log()).isNotEmpty();
        return expected;
    }

    private void probeMatchesOpenSsl(OpenSslServer backend, OpenSslCertificate cert, boolean resetOnFailure)
            throws Exception {
        Map<TlsVersion, ProtocolSupport> expected = oracle(backend);

        SimulatorProfile profile = SimulatorProfile.builder("openssl-relay").description("openssl s_server behind TDS")
                .relayTo("127.0.0.1", backend.port()).relayResetOnBackendFailure(resetOnFailure).build();
        try (Simulator sim = Simulator.start(profile, 0)) {
            ServerProfile result = ProbeAgainstSimulatorIT.probe(sim);
            String why = backend + " probed as " + result.toJsonText();

            assertThat(result.prelogin()).as(why).isNotNull();
            assertThat(result.prelogin().version()).as(why).isEqualTo(profile.productVersion());
            assertThat(result.tds7().supported()).as(why).isTrue();
            assertThat(result.tds7().protocols()).as(why).isEqualTo(ExpectedProfile.inComparableOrder(expected,
                    result.tds7().protocols()));

            X509Certificate x509 = cert.x509();
            assertThat(result.certificate()).as(why).isNotNull();
            assertThat(result.certificate().signatureAlgorithm()).as(why).isEqualTo(x509.getSigAlgName());
            assertThat(result.certificate().keySize()).as(why)
                    .isEqualTo(((java.security.interfaces.RSAPublicKey) x509.getPublicKey()).getModulus().bitLength());
            assertThat(result.certificate().subject()).as(why).contains(x509.getSubjectX500Principal().getName()
                    .replace("CN=", ""));

            // OpenSSL answers a hello it dislikes with an alert; the relay passes it on or turns it into a reset.
            if (resetOnFailure) {
                assertThat(result.rejection()).as(why).isEqualTo("reset");
            } else {
                assertThat(result.rejection()).as(why).startsWith("alert:");
            }
            assertThat(result.connections()).as(why).isEqualTo(sim.connectionCount());
            ProbeAgainstSimulatorIT.assertWithinIssueBudget(result);
            System.out.println("[ProbeAgainstOpenSslRelayIT] " + backend + ": " + result.connections()
                    + " connections, budget " + ExpectedProfile.connectionBudget(result) + ", groups " + result.ecdheGroups());
        }
    }
}
