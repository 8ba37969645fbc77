package io.tlscompat.it.gate;

import static io.tlscompat.it.gate.Gate.assertViolation;
import static io.tlscompat.it.gate.Gate.findingLine;
import static io.tlscompat.it.gate.Gate.project;
import static io.tlscompat.it.gate.Gate.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.it.support.OpenSslCertificate;
import io.tlscompat.it.support.OpenSslServer;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate scenarios with {@code openssl s_server} as the TLS server behind the simulator's TDS front door (relay
 * mode), so the server side of the handshake is not our own TLS code. {@code tls13-over-tds7} with OpenSSL is an
 * invoker project ({@code it/src/it/tls13-over-tds7}).
 */
class GateOpenSslRelayIT {
    private static final String TRUST = "trustServerCertificate=true";

    @TempDir
    Path dir;

    private static Simulator relay(OpenSslServer backend) throws Exception {
        return Simulator.start(SimulatorProfile.builder("openssl-relay").description("openssl s_server behind TDS")
                .relayTo("127.0.0.1", backend.port()).build(), 0);
    }

    @Test
    void protocolMismatchWithATls10OnlyOpenSsl() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "legacy.example.test", 2048, "sha256");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1", "-cipher", "AES128-SHA:@SECLEVEL=0");
                Simulator sim = relay(backend)) {
            MavenRun run = MavenRun.verify(project(dir, "ossl-protocol", sim, TRUST));
            assertViolation(run, "ossl-protocol", 1, "error", "protocol-mismatch (" + target(sim) + ")");
            assertThat(run.log()).contains(findingLine("error", "protocol-mismatch", String.format(
                    FindingTexts.PROTOCOL_MISMATCH, "TDS 7.x", "TLSv1.3, TLSv1.2", "TLSv1")));
        }
    }

    @Test
    void tlsRsaOnlyOpenSslPassesOn17AndIsACipherMismatchOn25() throws Exception {
        TestJdk.TEMURIN_25.assumePresent();
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "rsa.example.test", 2048, "sha256");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1_2",
                "-cipher", "AES256-GCM-SHA384:AES128-SHA:@SECLEVEL=0");
                Simulator sim = relay(backend)) {
            Path p = project(dir, "ossl-cipher", sim, TRUST);
            MavenRun on17 = MavenRun.verify(p);
            assertThat(on17.succeeded()).as(on17.toString()).isTrue();
            MavenRun on25 = MavenRun.verify(p, "-Dtls-compat.targetJavaHome="
                    + TestJdk.TEMURIN_25.java().getParent().getParent());
            assertViolation(on25, "ossl-cipher", 1, "error", "cipher-mismatch (" + target(sim) + ")");
            assertThat(on25.log()).contains("fix: " + FindingTexts.FIX_CIPHER_TLS_RSA);
        }
    }

    @Test
    void md5CertificateOnOpenSslIsAWeakSignature() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "md5.example.test", 2048, "md5");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1_2",
                "-cipher", "ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0");
                Simulator sim = relay(backend)) {
            MavenRun run = MavenRun.verify(project(dir, "ossl-md5", sim, TRUST));
            assertViolation(run, "ossl-md5", 1, "error", "weak-certificate-signature (" + target(sim) + ")");
            assertThat(run.log()).contains(findingLine("error", "weak-certificate-signature",
                    String.format(FindingTexts.WEAK_SIGNATURE_JAVA, "MD5withRSA")));
        }
    }

    @Test
    void declaredWindows2012r2ClientHasNoSuiteWithAnEcdheGcmOnlyServerWhileJavaPasses() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "gcm.example.test", 2048, "sha256");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1_2",
                "-cipher", "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256");
                Simulator sim = relay(backend)) {
            Path p = GateProject.in(dir.resolve("ossl-windows")).mssqlJdbc(GateProject.MSSQL_JDBC_13)
                    .target(Gate.url(sim, TRUST))
                    .config("clientProfiles", "<clientProfile>windows-server-2012r2</clientProfile>"
                            + "<clientProfile>windows-server-2019</clientProfile>").write();
            MavenRun run = MavenRun.verify(p);
            assertViolation(run, "ossl-windows", 1, "error", "cipher-mismatch (" + target(sim) + ")");
            assertThat(run.log()).contains("[INFO] " + target(sim) + " — windows-server-2019: PASS",
                    "[ERROR] " + target(sim) + " — windows-server-2012r2: FAIL",
                    "predicted: TDS 7.x, TLSv1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        }
    }

    @Test
    void dheOnlyOpenSslIsALeadingZeroRisk() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "dhe.example.test", 2048, "sha256");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1_2",
                "-cipher", "DHE-RSA-AES256-GCM-SHA384");
                Simulator sim = relay(backend)) {
            MavenRun run = MavenRun.verify(project(dir, "ossl-dhe", sim, TRUST), "-Dtls-compat.failOn=warning");
            assertViolation(run, "ossl-dhe", 1, "warning", "dhe-leading-zero-risk (" + target(sim) + ")");
            assertThat(run.log()).contains(findingLine("warning", "dhe-leading-zero-risk", String.format(
                    FindingTexts.DHE_RISK, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384")));
        }
    }
}
