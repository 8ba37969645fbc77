package io.tlscompat.it.agent;

import static io.tlscompat.it.agent.AgentRecords.diagnosis;
import static io.tlscompat.it.agent.AgentRecords.remediation;
import static io.tlscompat.it.agent.AgentRecords.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.ClientRun;
import io.tlscompat.it.support.HardenedDhScenario;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcClientMain;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Rejection;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import io.tlscompat.simulator.SimulatorProfiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real drivers in forked JVMs with {@code -javaagent}, against the simulator: every scenario must leave a record
 * with the right outcome, phase and diagnosis; successes must carry what JSSE itself negotiated (JDK's own
 * {@code jdk.TLSHandshake} JFR event is the oracle), and the agent's JFR event must say the same as the file.
 */
class AgentScenariosIT {
    private static Simulator sql2019;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        sql2019 = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0);
    }

    @AfterAll
    static void stop() {
        if (sql2019 != null) {
            sql2019.close();
        }
    }

    static String trusting(JdbcDriver driver) {
        if (driver == JdbcDriver.JTDS_1_3_1) {
            return "ssl=require";
        }
        // 10.2+ validates by default; 6.4 and 9.4 run TLS for the login packet even with their default encrypt=false.
        return driver.validatesByDefault() ? "encrypt=true;trustServerCertificate=true" : "";
    }

    static Stream<Arguments> driversAndJdks() {
        List<Arguments> out = new ArrayList<>();
        for (JdbcDriver d : JdbcDriver.values()) {
            out.add(Arguments.of(d, TestJdk.DEFAULT));
        }
        out.add(Arguments.of(JdbcDriver.MSSQL_13_2, TestJdk.TEMURIN_25));
        out.add(Arguments.of(JdbcDriver.JTDS_1_3_1, TestJdk.TEMURIN_25));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("driversAndJdks")
    void successCarriesWhatJsseNegotiated(JdbcDriver driver, TestJdk jdk) throws Exception {
        jdk.assumePresent();
        Path log = dir.resolve("tls.jsonl");
        Path jfr = dir.resolve("rec.jfr");
        // JFR's exit dump and the agent's drain are both shutdown hooks and run concurrently, so the client waits for
        // the agent's MBean to count all six records (each is committed to JFR before it counts) before exiting.
        ClientRun run = JdbcClient.with(driver).jdk(jdk).repeat(6)
                .jvmArgs("-XX:StartFlightRecording:+jdk.TLSHandshake#enabled=true,filename=" + jfr,
                        "-D" + JdbcClientMain.AWAIT_AGENT_RECORDS + "=6", AgentRecords.javaagent(log, ""))
                .connect(driver.url(sql2019.port(), trusting(driver)));
        ClientOutcome o = run.outcomes().get(0);
        assertThat(run.outcomes()).allMatch(ClientOutcome::isLoginFailed, "login failed (handshake worked)");

        List<Map<String, Object>> records = AgentRecords.read(log);
        assertThat(records).hasSize(6);
        Map<String, Object> r = records.get(0);
        assertThat(r).containsEntry("outcome", "ok").containsEntry("phase", "finished")
                .containsEntry("peerHost", "localhost").containsEntry("peerPort", (long) sql2019.port());
        assertThat(r.get("diagnosis")).isNull();
        assertThat(map(r, "peerCertificate")).containsEntry("subject",
                sql2019.certificate().getSubjectX500Principal().getName());

        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        RecordedEvent jdkEvent = events.stream()
                .filter(e -> e.getEventType().getName().equals("jdk.TLSHandshake"))
                // Only the client runs in that JVM; jTDS hands JSSE port 0, so the JDK's own event says 0 too.
                .filter(e -> e.getInt("peerPort") == sql2019.port() || e.getInt("peerPort") == 0).findFirst()
                .orElseThrow(() -> new AssertionError("no jdk.TLSHandshake for the client in " + events.size()));
        assertThat(r.get("protocol")).isEqualTo(jdkEvent.getString("protocolVersion"));
        assertThat(r.get("cipherSuite")).isEqualTo(jdkEvent.getString("cipherSuite"));
        List<RecordedEvent> ours = events.stream()
                .filter(e -> e.getEventType().getName().equals("tlscompat.Handshake")).collect(Collectors.toList());
        assertThat(ours).hasSize(records.size());
        for (RecordedEvent e : ours) {
            assertThat(e.getString("outcome")).isEqualTo("ok");
            assertThat(e.getString("protocol")).isEqualTo(r.get("protocol"));
            assertThat(e.getString("cipherSuite")).isEqualTo(r.get("cipherSuite"));
            assertThat(e.getInt("peerPort")).isEqualTo(sql2019.port());
        }

        if (driver.isMicrosoft()) {
            Map<String, Object> jdbc = map(r, "jdbc");
            assertThat(jdbc).containsEntry("driver", "mssql-jdbc").containsEntry("tds", "7.x")
                    .containsEntry("serverMajorVersion", 15L);
            assertThat((String) jdbc.get("version")).startsWith(driver.toString().substring("mssql-jdbc ".length()));
            // The id in the record is the one the driver prints in its own error message.
            assertThat(o.message()).contains("ClientConnectionId:" + jdbc.get("clientConnectionId"));
        } else {
            assertThat(map(r, "jdbc")).containsEntry("driver", "jTDS").containsEntry("version", "1.3.1")
                    .containsEntry("encrypt", "ssl=require");
        }
    }

    @Test
    void tls10OnlyServerIsAProtocolMismatchFromTheRecord() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2008r2-rtm"), 0)) {
            JdbcDriver d = JdbcDriver.MSSQL_13_2;
            ClientRun run = JdbcClient.with(d).jvmArgs(AgentRecords.javaagent(log, "probe=false"))
                    .connect(d.url(sim.port(), trusting(d)));
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "client-rejected").containsEntry("phase", "server-hello-received");
            assertThat(diagnosis(r)).isEqualTo("protocol-mismatch");
            assertThat(map(r, "diagnosis")).containsEntry("source", "record");
            assertThat(remediation(r)).isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, "TLSv1"));
            assertThat(run.stderr()).contains("[tls-compat] client-rejected from localhost:" + sim.port()
                    + " after ServerHello: protocol-mismatch")
                    .contains("; fix: " + String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, "TLSv1"));
        }
    }

    @Test
    void aHardenedJdkRefusingThe1024BitDheGroupIsDhGroupTooSmallFromTheRecord() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        JdbcDriver d = JdbcDriver.MSSQL_13_2;
        try (Simulator sim = Simulator.start(HardenedDhScenario.server(), 0)) {
            // The same client and server with the JDK's default policy: the handshake works, so the policy is the cause.
            assertThat(JdbcClient.with(d).connect(d.url(sim.port(), trusting(d))).single().isLoginFailed()).isTrue();
            Path policy = HardenedDhScenario.writePolicy(dir);
            ClientRun run = JdbcClient.with(d).jvmArgs("-Djava.security.properties=" + policy,
                    AgentRecords.javaagent(log, "probe=false")).connect(d.url(sim.port(), trusting(d)));
            assertThat(run.outcomes().get(0).message()).contains("DH ServerKeyExchange does not comply to algorithm"
                    + " constraints");
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "client-rejected").containsEntry("phase", "certificate-received")
                    .containsEntry("cipherSuite", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(diagnosis(r)).isEqualTo("dh-group-too-small");
            assertThat(map(r, "diagnosis")).containsEntry("source", "record").containsEntry("message",
                    "the DHE group of localhost:" + sim.port() + " is smaller than this JVM accepts"
                            + " (jdk.tls.disabledAlgorithms: DH keySize < 2048)");
            assertThat(remediation(r)).isEqualTo(FindingTexts.FIX_DH_TOO_SMALL);
            // The certificate came in the same flight as the refused ServerKeyExchange: it is still in the record.
            assertThat(map(r, "peerCertificate")).containsEntry("subject",
                    sim.certificate().getSubjectX500Principal().getName());
        }
    }

    @Test
    void resetAfterClientHelloOfferingOnlyTls13IsAProtocolMismatchByProbe() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        JdbcDriver d = JdbcDriver.MSSQL_13_2;
        ClientRun run = JdbcClient.with(d).jvmArgs("-Djdk.tls.client.protocols=TLSv1.3",
                AgentRecords.javaagent(log, "")).connect(d.url(sql2019.port(), "encrypt=true;trustServerCertificate=true"));
        Map<String, Object> r = AgentRecords.single(log);
        assertThat(r).containsEntry("outcome", "reset").containsEntry("phase", "client-hello-sent");
        assertThat(diagnosis(r)).isEqualTo("protocol-mismatch");
        assertThat(map(r, "diagnosis")).containsEntry("source", "probe")
                .containsEntry("message", String.format(FindingTexts.PROTOCOL_MISMATCH, "TDS 7.x", "TLSv1.3",
                        "TLSv1.2, TLSv1.1, TLSv1"));
        // The server has TLS 1.2; this JVM was restricted to TLS 1.3, so the fix is on the client.
        assertThat(remediation(r)).isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_CLIENT_OLD, "TLSv1.3"));
        assertThat(run.stderr()).contains("[tls-compat] reset from localhost:" + sql2019.port()
                + " after ClientHello: protocol-mismatch — " + String.format(FindingTexts.PROTOCOL_MISMATCH, "TDS 7.x",
                "TLSv1.3", "TLSv1.2, TLSv1.1, TLSv1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void noCommonSuiteIsACipherMismatchByProbe() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("dhe-only-win2012r2"), 0)) {
            JdbcDriver d = JdbcDriver.MSSQL_13_2;
            JdbcClient.with(d).jvmArgs("-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    AgentRecords.javaagent(log, "")).connect(d.url(sim.port(), trusting(d)));
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "reset").containsEntry("phase", "client-hello-sent");
            assertThat(diagnosis(r)).isEqualTo("cipher-mismatch");
            assertThat((List<Object>) r.get("offeredCipherSuites")).containsExactly(
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(remediation(r)).isEqualTo(String.format(FindingTexts.FIX_CIPHER_GENERIC,
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
        }
    }

    @Test
    void alertStyleRejectionIsAnAlertWithTheSameDiagnosis() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        SimulatorProfile alerting = SimulatorProfiles.named("dhe-only-win2012r2").toBuilder().name("dhe-alert")
                .rejection(Rejection.ALERT).build();
        try (Simulator sim = Simulator.start(alerting, 0)) {
            JdbcDriver d = JdbcDriver.MSSQL_13_2;
            JdbcClient.with(d).jvmArgs("-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    AgentRecords.javaagent(log, "")).connect(d.url(sim.port(), trusting(d)));
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "alert").containsEntry("phase", "client-hello-sent");
            assertThat((String) map(r, "exception").get("message")).contains("Received fatal alert");
            assertThat(diagnosis(r)).isEqualTo("cipher-mismatch");
        }
    }

    @Test
    void md5SignedCertificateIsAWeakSignature() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("md5-cert"), 0)) {
            JdbcDriver d = JdbcDriver.JTDS_1_3_1;
            JdbcClient.with(d).jvmArgs(AgentRecords.javaagent(log, "")).connect(d.url(sim.port(), "ssl=require"));
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "reset").containsEntry("phase", "client-hello-sent");
            assertThat(diagnosis(r)).isEqualTo("weak-certificate-signature");
            assertThat((String) map(r, "diagnosis").get("message")).contains("MD5withRSA");
            assertThat(remediation(r)).isEqualTo(FindingTexts.FIX_WEAK_SIGNATURE);
        }
    }

    @Test
    void untrustedCertificateWithCurrentDriverDefaults() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        JdbcDriver d = JdbcDriver.MSSQL_13_2;
        ClientOutcome o = JdbcClient.with(d).jvmArgs(AgentRecords.javaagent(log, "probe=false"))
                .connect(d.url(sql2019.port(), "")).single();
        Map<String, Object> r = AgentRecords.single(log);
        assertThat(r).containsEntry("outcome", "client-rejected").containsEntry("phase", "certificate-received");
        assertThat(diagnosis(r)).isEqualTo("certificate-untrusted");
        assertThat(remediation(r)).isEqualTo(FindingTexts.FIX_UNTRUSTED);
        assertThat(map(r, "peerCertificate")).containsEntry("subject",
                sql2019.certificate().getSubjectX500Principal().getName());
        assertThat(o.chainText()).contains("ClientConnectionId:" + map(r, "jdbc").get("clientConnectionId"));
        assertThat(Files.readString(log)).doesNotContain("not-a-secret");
    }

    @Test
    void encryptionNotSupportedIsRecordedFromPrelogin() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("no-encryption"), 0)) {
            JdbcDriver d = JdbcDriver.MSSQL_13_2;
            JdbcClient.with(d).jvmArgs(AgentRecords.javaagent(log, "probe=false"))
                    .connect(d.url(sim.port(), "encrypt=true;trustServerCertificate=true"));
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("stage", "tds-prelogin").containsEntry("outcome", "client-rejected");
            assertThat(r.get("phase")).isNull();
            assertThat(diagnosis(r)).isEqualTo("encryption-not-supported");
            assertThat(remediation(r)).isEqualTo(FindingTexts.FIX_ENCRYPTION_NOT_SUPPORTED);
            assertThat(map(r, "jdbc")).containsEntry("encrypt", "true");
        }
    }

    @Test
    void strictTds8HandshakeIsRecordedAsTds8() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2022-win2022"), 0)) {
            Path pem = dir.resolve("server.pem");
            Files.write(pem, ("-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(sim.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII));
            JdbcDriver d = JdbcDriver.MSSQL_13_2;
            ClientOutcome o = JdbcClient.with(d).jvmArgs(AgentRecords.javaagent(log, "probe=false"))
                    .connect(d.url(sim.port(), "encrypt=strict;serverCertificate=" + pem)).single();
            assertThat(o.isLoginFailed()).as(o.toString()).isTrue();
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "ok").containsEntry("protocol", "TLSv1.3");
            assertThat(map(r, "jdbc")).containsEntry("tds", "8.0").containsEntry("encrypt", "strict");
        }
    }

    @Test
    void tds7ClientAgainstForceStrictServerIsStrictEncryptionRequired() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2022-force-strict"), 0)) {
            JdbcDriver d = JdbcDriver.MSSQL_13_2;
            JdbcClient.with(d).jvmArgs(AgentRecords.javaagent(log, ""))
                    .connect(d.url(sim.port(), "encrypt=true;trustServerCertificate=true"));
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("stage", "tds-prelogin");
            assertThat((String) r.get("outcome")).isIn("reset", "close");
            assertThat(diagnosis(r)).isEqualTo("strict-encryption-required");
            assertThat(remediation(r)).as("mssql-jdbc 13.2 speaks TDS 8").isEqualTo(FindingTexts.FIX_STRICT_CAPABLE);
        }
    }
}
