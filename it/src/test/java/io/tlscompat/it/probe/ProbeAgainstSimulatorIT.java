package io.tlscompat.it.probe;

import io.tlscompat.core.probe.ProbeException;
import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.simulator.CertificateSignature;
import io.tlscompat.simulator.Rejection;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import io.tlscompat.simulator.SimulatorProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe against every simulator profile: what it reports must equal what the profile configures (versions,
 * suites, order, certificate, PRELOGIN, strict-only detection, rejection style), within the connection budget.
 */
class ProbeAgainstSimulatorIT {

    static List<String> profiles() {
        return SimulatorProfiles.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void probeReportsExactlyWhatTheProfileConfigures(String name) throws Exception {
        SimulatorProfile profile = SimulatorProfiles.named(name);
        try (Simulator sim = Simulator.start(profile, 0)) {
            ServerProfile result = probe(sim);
            assertMatches(profile, sim, result);
            assertWithinIssueBudget(result);
        }
    }

    @Test
    void weakSha1CertificateIsReportedWithItsSignatureAlgorithm() throws Exception {
        SimulatorProfile profile = SimulatorProfiles.named("sql2016-win2016").toBuilder().name("sha1-cert")
                .certSignature(CertificateSignature.SHA1).keySize(1024).certSubjectCn("legacy.example.test").build();
        try (Simulator sim = Simulator.start(profile, 0)) {
            ServerProfile result = probe(sim);
            assertMatches(profile, sim, result);
            assertThat(result.certificate().signatureAlgorithm()).isEqualTo("SHA1withRSA");
            assertThat(result.certificate().keySize()).isEqualTo(1024);
        }
    }

    @Test
    void clientOrderServerIsReportedWithoutServerOrder() throws Exception {
        SimulatorProfile profile = SimulatorProfiles.named("sql2019-win2019").toBuilder().name("client-order")
                .serverOrder(false).build();
        try (Simulator sim = Simulator.start(profile, 0)) {
            ServerProfile result = probe(sim);
            assertMatches(profile, sim, result);
        }
    }

    @Test
    void closeStyleRejectionIsReportedAsClose() throws Exception {
        SimulatorProfile profile = SimulatorProfiles.named("sql2014-win2012r2").toBuilder().name("close-rejection")
                .rejection(Rejection.CLOSE).build();
        try (Simulator sim = Simulator.start(profile, 0)) {
            assertMatches(profile, sim, probe(sim));
        }
    }

    @Test
    void alertStyleRejectionIsReportedWithTheAlertName() throws Exception {
        SimulatorProfile profile = SimulatorProfiles.named("sql2014-win2012r2").toBuilder().name("alert-rejection")
                .rejection(Rejection.ALERT).build();
        try (Simulator sim = Simulator.start(profile, 0)) {
            ServerProfile result = probe(sim);
            assertMatches(profile, sim, result);
            // Bouncy Castle answers an unsupported version with protocol_version, no common suite with
            // handshake_failure; either is a TLS alert name, never "alert:" alone.
            assertThat(result.rejection()).matches("alert:(protocol_version|handshake_failure)");
        }
    }

    @Test
    void forcedEncryptionIsReportedFromPrelogin() throws Exception {
        SimulatorProfile profile = SimulatorProfiles.named("sql2019-win2019").toBuilder().name("force-encryption")
                .encryption(EncryptionLevel.REQ).build();
        try (Simulator sim = Simulator.start(profile, 0)) {
            assertMatches(profile, sim, probe(sim));
        }
    }

    static ServerProfile probe(Simulator sim) throws ProbeException {
        return new TdsProbe(ProbeSettings.builder().build()).probe("localhost", sim.port());
    }

    static void assertMatches(SimulatorProfile profile, Simulator sim, ServerProfile result) {
        String why = profile.name() + " probed as " + result.toJsonText();
        assertThat(result.target()).as(why).isEqualTo("localhost:" + sim.port());

        // PRELOGIN: absent for a strict-only server (it resets a plain PRELOGIN), else version, product, encryption.
        if (profile.forceStrict()) {
            assertThat(result.prelogin()).as(why).isNull();
        } else {
            assertThat(result.prelogin()).as(why).isNotNull();
            assertThat(result.prelogin().version()).as(why).isEqualTo(profile.productVersion());
            assertThat(result.prelogin().product()).as(why).isEqualTo(profile.productVersion().productName());
            assertThat(result.prelogin().encryption()).as(why).isEqualTo(ExpectedProfile.encryptionAnswer(profile));
        }

        // The two paths: versions, suites, order.
        assertThat(result.tds7().supported()).as(why).isEqualTo(!profile.forceStrict());
        assertThat(result.tds7().protocols()).as(why)
                .isEqualTo(ExpectedProfile.inComparableOrder(ExpectedProfile.tds7(profile), result.tds7().protocols()));
        assertThat(result.tds8().supported()).as(why).isEqualTo(profile.strict());
        assertThat(result.tds8().protocols()).as(why)
                .isEqualTo(ExpectedProfile.inComparableOrder(ExpectedProfile.tds8(profile), result.tds8().protocols()));
        assertThat(result.tds8().alpn()).as(why).isEqualTo(profile.strict() ? "tds/8.0" : null);

        // The certificate, when any handshake got far enough to show it.
        boolean anyTls = !ExpectedProfile.tds7(profile).isEmpty() || !ExpectedProfile.tds8(profile).isEmpty();
        if (anyTls) {
            assertCertificate(why, profile, sim.certificate(), result.certificate());
        } else {
            assertThat(result.certificate()).as(why).isNull();
        }

        // How a hello the server dislikes is turned away; every profile turns away at least SSLv3.
        if (profile.encryption() != EncryptionLevel.NOT_SUP) {
            assertThat(result.rejection()).as(why).startsWith(ExpectedProfile.rejection(profile));
        }

        // DHE: the group size is reported exactly when a DHE suite is accepted.
        boolean dheExpected = java.util.stream.Stream.of(ExpectedProfile.tds7(profile), ExpectedProfile.tds8(profile))
                .flatMap(m -> m.values().stream()).flatMap(s -> s.cipherSuites().stream())
                .anyMatch(n -> n.startsWith("TLS_DHE_"));
        if (dheExpected) {
            assertThat(result.dheGroupBits()).as(why).isNotNull().isGreaterThanOrEqualTo(1024);
        } else {
            assertThat(result.dheGroupBits()).as(why).isNull();
        }

        // The probe counts its own connections; the simulator counts what it accepted: they must agree.
        assertThat(result.connections()).as(why).isPositive().isEqualTo(sim.connectionCount());
    }

    /** The issue's budget: (accepted suites + 1) per version and path, plus a small constant. */
    static void assertWithinIssueBudget(ServerProfile result) {
        assertThat(result.connections()).as(result.target() + " connection budget; profile " + result.toJsonText())
                .isLessThanOrEqualTo(ExpectedProfile.connectionBudget(result));
    }

    static void assertCertificate(String why, SimulatorProfile profile, X509Certificate served, CertificateInfo cert) {
        assertThat(cert).as(why).isNotNull();
        assertThat(cert.signatureAlgorithm()).as(why).isEqualTo(profile.certSignature().jcaName())
                .isEqualTo(served.getSigAlgName());
        assertThat(cert.keyAlgorithm()).as(why).isEqualTo("RSA");
        assertThat(cert.keySize()).as(why).isEqualTo(profile.keySize());
        assertThat(cert.subject()).as(why).contains("CN=" + profile.certSubjectCn());
        assertThat(cert.subjectAltNames()).as(why).containsExactlyInAnyOrderElementsOf(profile.certSans());
        assertThat(Instant.parse(cert.notBefore())).as(why).isEqualTo(served.getNotBefore().toInstant());
        assertThat(Instant.parse(cert.notAfter())).as(why).isEqualTo(served.getNotAfter().toInstant());
    }
}
