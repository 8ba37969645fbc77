package io.tlscompat.it.gate;

import static io.tlscompat.it.gate.Gate.assertViolation;
import static io.tlscompat.it.gate.Gate.project;
import static io.tlscompat.it.gate.Gate.simulator;
import static io.tlscompat.it.gate.Gate.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.json.Json;
import io.tlscompat.core.kb.KnowledgeBase;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <rehearse>}: the prediction proved by the project's own mssql-jdbc on the target JDK with the tls-compat
 * agent recording the handshake. In the default {@code handshake} mode the simulator counts one handshake and no
 * LOGIN7; in {@code login} mode (also {@code true}) a completed handshake then "Login failed" for the throw-away login
 * is a pass. An observed failure is the verdict, and a wrong prediction adds {@code prediction-mismatch}.
 */
class GateRehearsalIT {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void handshakeModeIsTheDefaultAndNoLoginReachesTheServer() throws Exception {
        try (Simulator sim = simulator("sql2019-win2019")) {
            MavenRun run = MavenRun.verify(project(dir, "rehearse-handshake", sim,
                    "trustServerCertificate=true;user=sa;password=secret"));
            assertThat(run.succeeded()).as(run.toString()).isTrue();
            assertThat(run.log()).contains("[INFO] rehearsal " + target(sim) + ": predicted handshake TLSv1.2"
                    + " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384; observed handshake TLSv1.2"
                    + " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384;").contains("agrees: true").doesNotContain("secret");
            assertThat(sim.handshakeCount()).isEqualTo(1);
            assertThat(sim.loginCount()).isZero();
            Map<String, Object> json = Json.parseObject(run.report("report.json"));
            Map<String, Object> r = (Map<String, Object>) ((List<Object>) json.get("rehearsals")).get(0);
            assertThat(r.get("mode")).isEqualTo("handshake");
            Map<String, Object> t = (Map<String, Object>) ((List<Object>) json.get("targets")).get(0);
            assertThat(t.get("observation")).isEqualTo(FindingTexts.OBSERVED);
            assertThat(t.get("verdict")).isEqualTo("pass");
        }
    }

    /** The project (and so the rehearsal's log) under a directory with a comma: the agent still gets one path. */
    @Test
    void aLogPathWithACommaStillReachesTheAgent() throws Exception {
        try (Simulator sim = simulator("sql2019-win2019")) {
            Path project = project(Files.createDirectories(dir.resolve("a,b")), "rehearse-comma", sim,
                    "trustServerCertificate=true");
            MavenRun run = MavenRun.verify(project);
            assertThat(run.succeeded()).as(run.toString()).isTrue();
            assertThat(run.log()).contains("[INFO] rehearsal " + target(sim) + ": predicted handshake TLSv1.2")
                    .contains("observed handshake TLSv1.2").contains("agrees: true");
            assertThat(sim.handshakeCount()).isEqualTo(1);
            // The agent wrote where it was told, inside the directory with the comma.
            try (java.util.stream.Stream<Path> files = Files.walk(project.resolve("target"))) {
                assertThat(files.filter(p -> p.getFileName().toString().equals("rehearsal-localhost-" + sim.port()
                        + ".jsonl")).filter(p -> p.toString().contains("a,b")).count()).isEqualTo(1);
            }
        }
    }

    /**
     * A certificate from a private CA, with mssql-jdbc 13.2's default {@code encrypt=true}: the model (which takes
     * every CA-issued certificate as trusted) predicts a pass, the real driver fails PKIX. The observation wins.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aWrongKnowledgeBaseEntryIsOverruledByTheObservation() throws Exception {
        // A deliberately wrong fact: mssql-jdbc's encrypt=true default (10.2.0) moved out of reach, so the model
        // believes the driver does not validate the private CA's certificate and predicts a pass. The real driver
        // (13.2) validates, fails PKIX, and the observation must decide.
        Path kb = Files.createDirectories(dir.resolve("kb-override"));
        String drivers;
        try (InputStream in = KnowledgeBase.class.getResourceAsStream("drivers.json")) {
            drivers = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String wrong = drivers.replaceFirst("(\\{\\s*\"id\"\\s*:\\s*\"encryptDefaultTrue\"\\s*,\\s*\"since\"\\s*:\\s*\")"
                + "10\\.2\\.0\"", "$199.0.0\"");
        assertThat(wrong).as("the override changes the fact").isNotEqualTo(drivers);
        Files.write(kb.resolve("drivers.json"), wrong.getBytes(StandardCharsets.UTF_8));
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019").toBuilder()
                .certSubjectCn("localhost").certIssuerCn("Corp Private Issuing CA").build(), 0)) {
            MavenRun run = MavenRun.verify(project(dir, "rehearse-wrong-kb", sim, ""),
                    "-D" + KnowledgeBase.OVERRIDE_PROPERTY + "=" + kb);
            assertViolation(run, "rehearse-wrong-kb", 1, "error", "certificate-untrusted (" + target(sim) + ")");
            assertThat(run.log()).contains("[WARNING] Knowledge base: files in " + kb)
                    .contains("[INFO] rehearsal " + target(sim) + ": predicted handshake TLSv1.2")
                    .contains("agrees: false")
                    .contains(String.format(FindingTexts.PREDICTION_MISMATCH,
                            "handshake TLSv1.2 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                            "handshake failed (client-rejected), certificate-untrusted"));
            assertThat(sim.loginCount()).isZero();
            Map<String, Object> json = Json.parseObject(run.report("report.json"));
            Map<String, Object> untrusted = finding(json, "certificate-untrusted");
            assertThat(untrusted.get("severity")).isEqualTo("error");
            assertThat(String.valueOf(((Map<String, Object>) untrusted.get("evidence")).get("driverMessage")))
                    .contains("PKIX path building failed");
            assertThat(finding(json, "prediction-mismatch").get("severity")).isEqualTo("warning");
            Map<String, Object> t = (Map<String, Object>) ((List<Object>) json.get("targets")).get(0);
            assertThat(t.get("verdict")).isEqualTo("fail");
            assertThat(run.report("summary.md")).contains("certificate-untrusted").contains("prediction-mismatch");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPrivateCaIsPredictedAndObservedUntrusted() throws Exception {
        // The released knowledge base: the model validates the chain with PKIX as the driver does, so prediction
        // and observation agree and there is no mismatch to report.
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019").toBuilder()
                .certSubjectCn("localhost").certIssuerCn("Corp Private Issuing CA").build(), 0)) {
            MavenRun run = MavenRun.verify(project(dir, "rehearse-private-ca", sim, ""));
            assertViolation(run, "rehearse-private-ca", 1, "error", "certificate-untrusted (" + target(sim) + ")");
            assertThat(run.log()).doesNotContain("prediction-mismatch");
            assertThat(sim.loginCount()).isZero();
            Map<String, Object> json = Json.parseObject(run.report("report.json"));
            assertThat(finding(json, "certificate-untrusted").get("severity")).isEqualTo("error");
            Map<String, Object> t = (Map<String, Object>) ((List<Object>) json.get("targets")).get(0);
            assertThat(t.get("verdict")).isEqualTo("fail");
            assertThat(t.get("observation")).isEqualTo("observed");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> finding(Map<String, Object> report, String code) {
        for (Object o : (List<Object>) report.get("findings")) {
            Map<String, Object> f = (Map<String, Object>) o;
            if (code.equals(f.get("code"))) {
                return f;
            }
        }
        throw new AssertionError("no " + code + " finding in " + report.get("findings"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutARunnableJdkEachTargetSaysPredictedNotObserved() throws Exception {
        try (Simulator sim = simulator("sql2019-win2019")) {
            MavenRun run = MavenRun.verify(project(dir, "rehearse-no-home", sim, "trustServerCertificate=true"),
                    "-Dtls-compat.targetJavaVersion=17.0.15");
            assertThat(run.succeeded()).as(run.toString()).isTrue();
            assertThat(run.log()).contains("[WARNING] " + target(sim) + " (");
            assertThat(run.log()).contains(": " + FindingTexts.NOT_OBSERVED + ": the rehearsal runs a real JDK");
            assertThat(sim.handshakeCount()).isZero();
            Map<String, Object> json = Json.parseObject(run.report("report.json"));
            Map<String, Object> t = (Map<String, Object>) ((List<Object>) json.get("targets")).get(0);
            assertThat(t.get("observation")).isEqualTo(FindingTexts.NOT_OBSERVED);
            assertThat(json).doesNotContainKey("rehearsals");
            assertThat(run.report("summary.md")).contains("(" + FindingTexts.NOT_OBSERVED + ")");
            assertThat(run.report("TEST-tls-compat.xml")).contains("<property name=\"observation." + target(sim)
                    + ".").contains("value=\"" + FindingTexts.NOT_OBSERVED + "\"/>");
        }
    }

    @Test
    void aBadRehearseValueIsOneLineNamingTheValidOnes() throws Exception {
        try (Simulator sim = simulator("sql2019-win2019")) {
            MavenRun run = MavenRun.verify(project(dir, "rehearse-bad", sim, "trustServerCertificate=true"),
                    "-Dtls-compat.rehearse=sometimes");
            assertThat(run.succeeded()).isFalse();
            assertThat(run.log()).contains("<rehearse> (tls-compat.rehearse) is 'sometimes'; expected handshake,"
                    + " login or off");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void rehearsalAgreesWithAPassingPredictionAndNeverUsesTheConfiguredLogin() throws Exception {
        try (Simulator sim = simulator("sql2019-win2019")) {
            MavenRun run = MavenRun.verify(project(dir, "rehearse-pass", sim,
                    "trustServerCertificate=true;user=sa;password=secret"), "-Dtls-compat.rehearse");
            assertThat(run.succeeded()).as(run.toString()).isTrue();
            assertThat(run.log()).contains("[INFO] rehearsal " + target(sim) + ": predicted handshake TLSv1.2"
                    + " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384; observed handshake TLSv1.2"
                    + " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384; driver said: Login failed for user"
                    + " 'tls_compat_rehearsal'.").contains("agrees: true").doesNotContain("secret");
            Map<String, Object> json = Json.parseObject(run.report("report.json"));
            Map<String, Object> r = (Map<String, Object>) ((List<Object>) json.get("rehearsals")).get(0);
            assertThat(r.get("agrees")).isEqualTo(true);
            assertThat(((Map<String, Object>) r.get("agentRecord")).get("outcome")).isEqualTo("ok");
            assertThat(sim.loginCount()).isEqualTo(1);
        }
    }

    @Test
    void rehearsalOnTemurin25ConfirmsTheCipherMismatch() throws Exception {
        TestJdk.TEMURIN_25.assumePresent();
        try (Simulator sim = simulator("rsa-only-hardened")) {
            MavenRun run = MavenRun.verify(project(dir, "rehearse-fail", sim, "trustServerCertificate=true"),
                    "-Dtls-compat.rehearse", "-Dtls-compat.targetJavaHome="
                            + TestJdk.TEMURIN_25.java().getParent().getParent());
            assertViolation(run, "rehearse-fail", 1, "error", "cipher-mismatch (" + target(sim) + ")");
            assertThat(run.log()).contains("[INFO] rehearsal " + target(sim) + ": predicted no handshake; observed"
                    + " handshake failed (").contains("agrees: true");
            assertThat(sim.loginCount()).isZero();
        }
    }

    /**
     * A trust store with a password, as enterprises configure it: the fork gets the real password (on its standard
     * input), so the real driver validates as the application will, and the password appears nowhere.
     */
    @Test
    void aPasswordProtectedTrustStoreIsRehearsedWithItsRealPassword() throws Exception {
        String password = "Tr;ust-9f3k";
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019").toBuilder()
                .certSubjectCn("localhost").build(), 0)) {
            Path store = dir.resolve("server-trust.jks");
            java.security.KeyStore ks = java.security.KeyStore.getInstance("JKS");
            ks.load(null, null);
            ks.setCertificateEntry("sim", sim.certificate());
            try (java.io.OutputStream out = Files.newOutputStream(store)) {
                ks.store(out, password.toCharArray());
            }
            MavenRun run = MavenRun.verify(project(dir, "rehearse-store-password", sim, "trustStore=" + store
                    + ";trustStorePassword={" + password + "}"));
            assertThat(run.succeeded()).as(run.toString()).isTrue();
            assertThat(run.log()).contains("[INFO] rehearsal " + target(sim) + ": predicted handshake TLSv1.2")
                    .contains("agrees: true").doesNotContain(password).doesNotContain("Tr;ust");
            assertThat(sim.handshakeCount()).isEqualTo(1);
            assertThat(sim.loginCount()).isZero();
            for (String report : List.of("report.json", "summary.md", "report.sarif", "TEST-tls-compat.xml")) {
                assertThat(run.report(report)).as(report).doesNotContain(password).doesNotContain("Tr;ust");
            }
        }
    }
}
