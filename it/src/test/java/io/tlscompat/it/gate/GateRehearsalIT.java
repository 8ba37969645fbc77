package io.tlscompat.it.gate;

import static io.tlscompat.it.gate.Gate.assertViolation;
import static io.tlscompat.it.gate.Gate.project;
import static io.tlscompat.it.gate.Gate.simulator;
import static io.tlscompat.it.gate.Gate.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.json.Json;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Simulator;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code <rehearse>}: the prediction proved by the project's own mssql-jdbc on the target JDK with the tls-compat
 * agent recording the handshake; a completed handshake then "Login failed" for the throw-away login is a pass.
 */
class GateRehearsalIT {
    @TempDir
    Path dir;

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
}
