package io.tlscompat.it.gate;

import static io.tlscompat.it.gate.Gate.assertViolation;
import static io.tlscompat.it.gate.Gate.findingLine;
import static io.tlscompat.it.gate.Gate.project;
import static io.tlscompat.it.gate.Gate.simulator;
import static io.tlscompat.it.gate.Gate.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.it.support.FreePort;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each finding code produced by a real scenario: the simulator plays the server, real Maven runs
 * {@code tls-compat:verify} on a real project, and the exact finding line, fix and failure message are asserted.
 * {@code tls13-over-tds7} needs a TLS 1.3 server inside TDS 7.x framing, which only the OpenSSL relay provides:
 * see {@link GateOpenSslRelayIT}.
 */
class GateFindingsIT {
    private static final String TRUST = "trustServerCertificate=true";
    /** The nested Maven runs on the same JDK as this test (the build's JDK). */
    private static final String JAVA = System.getProperty("java.version");
    /** A trust store is configured (its content is not read by the prediction) and the name the cert carries. */
    private static final String VALIDATING = "trustStore=/etc/app/sql-truststore.jks;hostNameInCertificate="
            + "SSL_Self_Signed_Fallback";

    @TempDir
    Path dir;

    @Test
    void modernServerPasses() throws Exception {
        try (Simulator sim = simulator("sql2019-win2019")) {
            MavenRun run = MavenRun.verify(project(dir, "pass", sim, TRUST));
            assertThat(run.succeeded()).as(run.toString()).isTrue();
            assertThat(run.log()).contains("[INFO] " + target(sim) + " — mssql-jdbc 13.2.1.jre11 on Java " + JAVA + ": PASS",
                    "[INFO] tls-compat:verify: 1 target(s) checked, verdict pass.");
        }
    }

    @Test
    void protocolMismatchWithATls10OnlyServer() throws Exception {
        try (Simulator sim = simulator("sql2008r2-rtm")) {
            MavenRun run = MavenRun.verify(project(dir, "protocol", sim, TRUST));
            assertViolation(run, "protocol", 1, "error", "protocol-mismatch (" + target(sim) + ")");
            assertThat(run.log()).contains("[ERROR] " + findingLine("error", "protocol-mismatch", String.format(
                    FindingTexts.PROTOCOL_MISMATCH, "TDS 7.x", "TLSv1.3, TLSv1.2", "TLSv1")),
                    "[ERROR]     fix: " + String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, "TLSv1"));
        }
    }

    @Test
    void legacyProtocolWarnsForJava8u202AgainstTheSameServer() throws Exception {
        try (Simulator sim = simulator("sql2008r2-rtm")) {
            MavenRun run = MavenRun.verify(project(dir, "legacy", sim, TRUST),
                    "-Dtls-compat.targetJavaVersion=1.8.0_202");
            assertThat(run.succeeded()).as(run.toString()).isTrue();
            assertThat(run.log()).contains("[WARNING] " + findingLine("warning", "legacy-protocol",
                    String.format(FindingTexts.LEGACY_PROTOCOL, "TLSv1")), "verdict warn.");
        }
    }

    @Test
    void cipherMismatchForATlsRsaOnlyServerOnTemurin25AndPassOnTheRunningJdk17() throws Exception {
        TestJdk.TEMURIN_25.assumePresent();
        try (Simulator sim = simulator("rsa-only-hardened")) {
            Path p = project(dir, "cipher", sim, TRUST);
            MavenRun on17 = MavenRun.verify(p);
            assertThat(on17.succeeded()).as(on17.toString()).isTrue();
            assertThat(on17.log()).contains("predicted: TDS 7.x, TLSv1.2, TLS_RSA_WITH_AES_256_GCM_SHA384");

            MavenRun on25 = MavenRun.verify(p, "-Dtls-compat.targetJavaHome="
                    + TestJdk.TEMURIN_25.java().getParent().getParent());
            assertViolation(on25, "cipher", 1, "error", "cipher-mismatch (" + target(sim) + ")");
            assertThat(on25.log()).contains("[ERROR]     fix: " + FindingTexts.FIX_CIPHER_TLS_RSA,
                    "read by running the target JDK");
        }
    }

    @Test
    void weakCertificateSignatureForAnMd5Certificate() throws Exception {
        // Schannel's own reset of TLS 1.2 is switched off so the JDK's refusal is what decides.
        try (Simulator sim = simulator(SimulatorProfiles.named("md5-cert").toBuilder()
                .schannelRejectsWeakCertificate(false).build())) {
            MavenRun run = MavenRun.verify(project(dir, "md5", sim, TRUST));
            assertViolation(run, "md5", 1, "error", "weak-certificate-signature (" + target(sim) + ")");
            assertThat(run.log()).contains(findingLine("error", "weak-certificate-signature",
                    String.format(FindingTexts.WEAK_SIGNATURE_JAVA, "MD5withRSA")),
                    "fix: " + FindingTexts.FIX_WEAK_SIGNATURE);
        }
    }

    @Test
    void dheLeadingZeroRiskWarnsByDefaultAndFailsWithFailOnWarning() throws Exception {
        try (Simulator sim = simulator("dhe-only-win2012r2")) {
            Path p = project(dir, "dhe", sim, TRUST);
            MavenRun warn = MavenRun.verify(p);
            assertThat(warn.succeeded()).as(warn.toString()).isTrue();
            assertThat(warn.log()).contains("[WARNING]   warning dhe-leading-zero-risk: TLS_DHE_RSA_WITH_",
                    "fix: " + FindingTexts.FIX_DHE_RISK);
            MavenRun fail = MavenRun.verify(p, "-Dtls-compat.failOn=warning");
            assertViolation(fail, "dhe", 1, "warning", "dhe-leading-zero-risk (" + target(sim) + ")");
        }
    }

    @Test
    void dhGroupTooLargeForJava7() throws Exception {
        try (Simulator sim = simulator("dhe-only-win2012r2")) {
            MavenRun run = MavenRun.verify(project(dir, "dh", sim, TRUST), "-Dtls-compat.targetJavaVersion=1.7.0_80");
            assertThat(run.succeeded()).as(run.toString()).isFalse();
            assertThat(run.log()).contains("error dh-group-too-small: the server's DHE group has ",
                    "fix: " + FindingTexts.FIX_DH_TOO_LARGE, "dh-group-too-small (" + target(sim) + ")");
        }
    }

    @Test
    void dhGroupTooSmallForTheApplicationsHardenedSecurityPolicy() throws Exception {
        // Windows' 1024-bit DHE group against an organisation's java.security raising the minimum to 2048 bits.
        java.nio.file.Path security = java.nio.file.Files.write(dir.resolve("hardened.security"), java.util.List.of(
                "jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, RC4, DES, MD5withRSA, DH keySize < 2048,"
                        + " EC keySize < 224, 3DES_EDE_CBC, anon, NULL"));
        try (Simulator sim = simulator(SimulatorProfiles.named("dhe-only-win2012r2").toBuilder().name("dhe1024")
                .dheGroupBits(1024).dheBug(io.tlscompat.simulator.DheBug.NEVER).build())) {
            MavenRun defaults = MavenRun.verify(project(dir, "dh-default", sim, TRUST));
            assertThat(defaults.succeeded()).as(defaults.toString()).isTrue();
            assertThat(defaults.log()).doesNotContain("dh-group-too-small");

            Path p = io.tlscompat.it.gate.GateProject.in(dir.resolve("dh-hardened"))
                    .mssqlJdbc(GateProject.MSSQL_JDBC_13).target(Gate.url(sim, TRUST))
                    .config("targetJvmOptions", "<targetJvmOption>-Djava.security.properties=" + security
                            + "</targetJvmOption>")
                    .write();
            // The rehearsal runs the project's mssql-jdbc on the same JDK with the same option: the prediction is proved.
            MavenRun run = MavenRun.verify(p, "-Dtls-compat.rehearse");
            assertViolation(run, "dh-hardened", 1, "error", "dh-group-too-small (" + target(sim) + ")");
            assertThat(run.log()).contains("[ERROR] " + findingLine("error", "dh-group-too-small", String.format(
                    FindingTexts.DH_TOO_SMALL, 1024, 2048, 8192)), "[ERROR]     fix: " + FindingTexts.FIX_DH_TOO_SMALL,
                    "started with -Djava.security.properties=" + security,
                    "[INFO] rehearsal " + target(sim) + ": predicted no handshake; observed handshake failed (")
                    .contains("agrees: true");
            assertThat(sim.loginCount()).isZero();
        }
    }

    @Test
    void certificateUntrustedWithMssqlJdbc13DefaultsButNotWith94() throws Exception {
        try (Simulator sim = simulator("sql2019-win2019")) {
            MavenRun run = MavenRun.verify(project(dir, "untrusted", sim, ""));
            // A self-signed fallback certificate fails trust and, once trusted, the host name: both are reported.
            assertViolation(run, "untrusted", 2, "error", "certificate-untrusted (" + target(sim) + "),"
                    + " certificate-hostname-mismatch (" + target(sim) + ")");
            assertThat(run.log()).contains(findingLine("error", "certificate-untrusted", String.format(
                    FindingTexts.UNTRUSTED, "CN=SSL_Self_Signed_Fallback",
                    "encryption requested without trustServerCertificate=true")), "fix: " + FindingTexts.FIX_UNTRUSTED);

            Path old = GateProject.in(dir.resolve("untrusted94")).mssqlJdbc(GateProject.MSSQL_JDBC_9)
                    .target(Gate.url(sim, "")).write();
            MavenRun run94 = MavenRun.verify(old);
            assertThat(run94.succeeded()).as(run94.toString()).isTrue();
        }
    }

    @Test
    void certificateHostnameMismatch() throws Exception {
        try (Simulator sim = simulator("sql2019-win2019")) {
            MavenRun run = MavenRun.verify(project(dir, "hostname", sim, "trustStore=/etc/app/sql-truststore.jks"));
            assertViolation(run, "hostname", 1, "error", "certificate-hostname-mismatch (" + target(sim) + ")");
            assertThat(run.log()).contains(findingLine("error", "certificate-hostname-mismatch", String.format(
                    FindingTexts.HOSTNAME_MISMATCH, "SSL_Self_Signed_Fallback", "localhost")));
            MavenRun fixed = MavenRun.verify(project(dir, "hostname-fixed", sim, VALIDATING));
            assertThat(fixed.succeeded()).as(fixed.toString()).isTrue();
        }
    }

    @Test
    void certificateExpired() throws Exception {
        try (Simulator sim = simulator(SimulatorProfiles.named("sql2019-win2019").toBuilder()
                .expiredCertificate().build())) {
            MavenRun run = MavenRun.verify(project(dir, "expired", sim, VALIDATING));
            assertViolation(run, "expired", 1, "error", "certificate-expired (" + target(sim) + ")");
            assertThat(run.log()).contains("error certificate-expired: the server certificate is valid from ",
                    "fix: " + FindingTexts.FIX_EXPIRED);
        }
    }

    @Test
    void encryptionNotSupported() throws Exception {
        try (Simulator sim = simulator("no-encryption")) {
            MavenRun run = MavenRun.verify(project(dir, "noenc", sim, "encrypt=true"));
            assertViolation(run, "noenc", 1, "error", "encryption-not-supported (" + target(sim) + ")");
            assertThat(run.log()).contains(findingLine("error", "encryption-not-supported", String.format(
                    FindingTexts.ENCRYPTION_NOT_SUPPORTED, "mssql-jdbc 13.2.1.jre11 on Java " + JAVA)));
            MavenRun optional = MavenRun.verify(project(dir, "noenc-optional", sim, "encrypt=false"));
            assertThat(optional.succeeded()).as(optional.toString()).isTrue();
        }
    }

    @Test
    void strictEncryptionRequiredUnlessTheUrlSaysStrict() throws Exception {
        try (Simulator sim = simulator("sql2022-force-strict")) {
            MavenRun run = MavenRun.verify(project(dir, "strict", sim, TRUST));
            assertViolation(run, "strict", 1, "error", "strict-encryption-required (" + target(sim) + ")");
            assertThat(run.log()).contains(findingLine("error", "strict-encryption-required",
                    FindingTexts.STRICT_REQUIRED), "fix: " + FindingTexts.FIX_STRICT_CAPABLE);
            MavenRun strict = MavenRun.verify(project(dir, "strict-ok", sim, "encrypt=strict;" + VALIDATING));
            assertThat(strict.succeeded()).as(strict.toString()).isTrue();
            assertThat(strict.log()).contains("predicted: TDS 8 (strict), TLSv1.3");
        }
    }

    @Test
    void jtdsWithSslRequireMeetsTheTls10ServerAndSslOffDoesNoTls() throws Exception {
        try (Simulator sim = simulator("sql2008r2-rtm")) {
            Path p = GateProject.in(dir.resolve("jtds")).dependency("net.sourceforge.jtds", "jtds", "1.3.1")
                    .target("jdbc:jtds:sqlserver://localhost:" + sim.port() + "/app;ssl=require").write();
            MavenRun run = MavenRun.verify(p);
            assertViolation(run, "jtds", 1, "error", "protocol-mismatch (" + target(sim) + ")");
            assertThat(run.log()).contains("[INFO] Driver: net.sourceforge.jtds:jtds:1.3.1",
                    "jtds 1.3.1 on Java " + JAVA + ": FAIL");
            Path off = GateProject.in(dir.resolve("jtds-off")).dependency("net.sourceforge.jtds", "jtds", "1.3.1")
                    .target("jdbc:jtds:sqlserver://localhost:" + sim.port() + "/app").write();
            MavenRun noTls = MavenRun.verify(off);
            assertThat(noTls.succeeded()).as(noTls.toString()).isTrue();
            assertThat(noTls.report("report.json")).contains("jTDS ssl=off does no TLS at all");
        }
    }

    @Test
    void serverUnreachableIsAnErrorOrAWarningByChoice() throws Exception {
        int port = FreePort.closed();
        Path p = GateProject.in(dir.resolve("down")).mssqlJdbc(GateProject.MSSQL_JDBC_13)
                .target("jdbc:sqlserver://localhost:" + port).write();
        MavenRun run = MavenRun.verify(p, "-Dtls-compat.probeTimeoutSeconds=5");
        assertViolation(run, "down", 1, "error", "server-unreachable (localhost:" + port + ")");
        assertThat(run.log()).contains("error server-unreachable: cannot probe localhost:" + port + ": ",
                "fix: " + FindingTexts.FIX_UNREACHABLE);
        MavenRun lenient = MavenRun.verify(p, "-Dtls-compat.failOnUnreachable=false");
        assertThat(lenient.succeeded()).as(lenient.toString()).isTrue();
        assertThat(lenient.log()).contains("[WARNING]   warning server-unreachable: cannot probe localhost:" + port);
    }
}
