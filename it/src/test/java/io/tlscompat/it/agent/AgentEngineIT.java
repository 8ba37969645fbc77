package io.tlscompat.it.agent;

import static io.tlscompat.it.agent.AgentRecords.diagnosis;
import static io.tlscompat.it.agent.AgentRecords.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.it.support.OpenSslCertificate;
import io.tlscompat.it.support.OpenSslServer;
import io.tlscompat.it.support.ProcessOutput;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Rejection;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import io.tlscompat.simulator.SimulatorProfiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, SSLEngine: real reactive and HTTP clients under {@code -javaagent} get the records, JFR events, MBean
 * counters and diagnoses an SSLSocket client gets. r2dbc-mssql 1.0.7.RELEASE (Netty over the JDK's SSLEngine)
 * against the simulator, each failure scenario compared with mssql-jdbc 13.2 against the same server;
 * {@code java.net.http} against {@code openssl s_server -www}.
 */
class AgentEngineIT {
    private static final String ONE_ECDHE_SUITE = "-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";
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

    /** The r2dbc application's class path: this module's test class path without the agent (see it/pom.xml). */
    private static String reactiveClasspath() throws Exception {
        String file = System.getProperty("tlscompat.reactive.classpath");
        Path classes = Path.of(AgentEngineIT.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return Files.readString(Path.of(file), StandardCharsets.UTF_8).trim() + java.io.File.pathSeparator + classes;
    }

    private static ProcessOutput fork(Class<?> main, List<String> jvmArgs, String... args) throws Exception {
        return fork(TestJdk.DEFAULT, main, jvmArgs, args);
    }

    private static ProcessOutput fork(TestJdk jdk, Class<?> main, List<String> jvmArgs, String... args)
            throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(reactiveClasspath());
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessOutput out = ProcessOutput.run(cmd, Duration.ofMinutes(5));
        assertThat(out.exitCode()).as(out.toString()).isZero();
        return out;
    }

    /** r2dbc-mssql to {@code localhost:port} with {@code ssl=true}. */
    private ProcessOutput r2dbc(Path log, int port, boolean trustServerCertificate, int repeat, String... jvmArgs)
            throws Exception {
        List<String> args = new ArrayList<>(List.of(jvmArgs));
        args.add(AgentRecords.javaagent(log, ""));
        return fork(R2dbcClientMain.class, args, Integer.toString(port), "true",
                Boolean.toString(trustServerCertificate), Integer.toString(repeat));
    }

    /** The record mssql-jdbc 13.2 gets in the same scenario. */
    private Map<String, Object> mssqlJdbc(int port, String options, String... jvmArgs) throws Exception {
        return EngineParity.mssqlJdbc(dir, port, options, jvmArgs);
    }

    /** Same outcome, phase, offered protocols and diagnosis code, with r2dbc-mssql's context. */
    private static void assertDiagnosedAlike(Map<String, Object> engine, Map<String, Object> socket) {
        EngineParity.assertDiagnosedAlike(engine, socket, "r2dbc-mssql", false);
    }

    @Test
    void r2dbcSuccessCarriesWhatJsseNegotiated() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        Path jfr = dir.resolve("rec.jfr");
        ProcessOutput out = r2dbc(log, sql2019.port(), true, 3,
                "-XX:StartFlightRecording:+jdk.TLSHandshake#enabled=true,filename=" + jfr);
        assertThat(out.stdout()).as("the handshake worked, the simulator refuses the login")
                .contains("Login failed for user 'sa'");
        List<Map<String, Object>> records = AgentRecords.read(log);
        assertThat(records).hasSize(3);
        Map<String, Object> r = records.get(0);
        assertThat(r).containsEntry("outcome", "ok").containsEntry("phase", "finished")
                .containsEntry("transport", "engine").containsEntry("engine", "jdk")
                .containsEntry("peerHost", "localhost").containsEntry("peerPort", (long) sql2019.port());
        assertThat(r.get("diagnosis")).isNull();
        assertThat(map(r, "jdbc")).containsEntry("driver", "r2dbc-mssql").containsEntry("version", "1.0.7.RELEASE")
                .containsEntry("encrypt", "ssl=true").containsEntry("trustServerCertificate", "true")
                .containsEntry("tds", "7.x");
        assertThat(map(r, "peerCertificate")).containsEntry("subject",
                sql2019.certificate().getSubjectX500Principal().getName());
        List<RecordedEvent> events = RecordingFile.readAllEvents(jfr);
        RecordedEvent jdk = events.stream().filter(e -> e.getEventType().getName().equals("jdk.TLSHandshake"))
                .filter(e -> e.getInt("peerPort") == sql2019.port()).findFirst()
                .orElseThrow(() -> new AssertionError("no jdk.TLSHandshake in " + events.size()));
        assertThat(r.get("protocol")).isEqualTo(jdk.getString("protocolVersion"));
        assertThat(r.get("cipherSuite")).isEqualTo(jdk.getString("cipherSuite"));
        List<RecordedEvent> ours = events.stream()
                .filter(e -> e.getEventType().getName().equals("tlscompat.Handshake")).collect(Collectors.toList());
        assertThat(ours).hasSize(3).allSatisfy(e -> assertThat(e.getString("outcome")).isEqualTo("ok"));
        assertThat(out.stdout()).contains("mbean server=localhost:" + sql2019.port()
                + " attempts=3 ok=3 resets=0 failures=0");
        assertThat(Files.readString(log)).doesNotContain("not-a-secret");
    }

    @Test
    void r2dbcResetAfterClientHelloIsDiagnosedAsMssqlJdbcIs() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        ProcessOutput out = r2dbc(log, sql2019.port(), true, 1, "-Djdk.tls.client.protocols=TLSv1.3");
        Map<String, Object> r = AgentRecords.single(log);
        assertThat(r).containsEntry("outcome", "reset").containsEntry("phase", "client-hello-sent");
        assertThat(map(r, "diagnosis")).containsEntry("code", "protocol-mismatch").containsEntry("source", "probe")
                .containsEntry("message", String.format(FindingTexts.PROTOCOL_MISMATCH, "TDS 7.x", "TLSv1.3",
                        "TLSv1.2, TLSv1.1, TLSv1"));
        assertThat(out.stderr()).contains("[tls-compat] reset from localhost:" + sql2019.port()
                + " after ClientHello: protocol-mismatch");
        assertThat(out.stdout()).contains("mbean server=localhost:" + sql2019.port()
                + " attempts=1 ok=0 resets=1 failures=1");
        Map<String, Object> jdbc = mssqlJdbc(sql2019.port(), "encrypt=true;trustServerCertificate=true",
                "-Djdk.tls.client.protocols=TLSv1.3");
        assertDiagnosedAlike(r, jdbc);
        assertThat(map(r, "diagnosis").get("message")).isEqualTo(map(jdbc, "diagnosis").get("message"));
    }

    @Test
    void r2dbcAgainstATls10OnlyServerIsAProtocolMismatchLikeMssqlJdbc() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2008r2-rtm"), 0)) {
            Path log = dir.resolve("tls.jsonl");
            r2dbc(log, sim.port(), true, 1);
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "client-rejected").containsEntry("phase", "server-hello-received");
            assertThat(diagnosis(r)).isEqualTo("protocol-mismatch");
            assertDiagnosedAlike(r, mssqlJdbc(sim.port(), "encrypt=true;trustServerCertificate=true"));
        }
    }

    @Test
    void r2dbcWithoutACommonSuiteIsACipherMismatchLikeMssqlJdbc() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("dhe-only-win2012r2"), 0)) {
            Path log = dir.resolve("tls.jsonl");
            r2dbc(log, sim.port(), true, 1, ONE_ECDHE_SUITE);
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "reset").containsEntry("phase", "client-hello-sent");
            assertThat(diagnosis(r)).isEqualTo("cipher-mismatch");
            assertDiagnosedAlike(r, mssqlJdbc(sim.port(), "encrypt=true;trustServerCertificate=true",
                    ONE_ECDHE_SUITE));
        }
    }

    @Test
    void r2dbcAgainstAnAlertStyleRejectionIsAnAlertLikeMssqlJdbc() throws Exception {
        SimulatorProfile alerting = SimulatorProfiles.named("dhe-only-win2012r2").toBuilder().name("dhe-alert")
                .rejection(Rejection.ALERT).build();
        try (Simulator sim = Simulator.start(alerting, 0)) {
            Path log = dir.resolve("tls.jsonl");
            r2dbc(log, sim.port(), true, 1, ONE_ECDHE_SUITE);
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "alert").containsEntry("phase", "client-hello-sent");
            assertThat((String) map(r, "exception").get("message")).contains("Received fatal alert");
            assertThat(diagnosis(r)).isEqualTo("cipher-mismatch");
            assertDiagnosedAlike(r, mssqlJdbc(sim.port(), "encrypt=true;trustServerCertificate=true",
                    ONE_ECDHE_SUITE));
        }
    }

    @Test
    void r2dbcValidatingTheSelfSignedCertificateIsUntrustedLikeMssqlJdbc() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        ProcessOutput out = r2dbc(log, sql2019.port(), false, 1);
        Map<String, Object> r = AgentRecords.single(log);
        assertThat(r).containsEntry("outcome", "client-rejected").containsEntry("phase", "certificate-received");
        assertThat(diagnosis(r)).isEqualTo("certificate-untrusted");
        assertThat(map(r, "peerCertificate")).containsEntry("subject",
                sql2019.certificate().getSubjectX500Principal().getName());
        assertThat(out.stdout()).contains("mbean server=localhost:" + sql2019.port()
                + " attempts=1 ok=0 resets=0 failures=1");
        assertThat(Files.readString(log)).doesNotContain("not-a-secret");
        assertThat(map(r, "jdbc")).containsEntry("driver", "r2dbc-mssql").containsEntry("trustServerCertificate",
                "false");
        assertDiagnosedAlike(r, mssqlJdbc(sql2019.port(), "encrypt=true"));
    }

    @Test
    void javaNetHttpAgainstOpenSslIsRecordedWithWhatWasNegotiated() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "localhost", 2048, "sha256");
        try (OpenSslServer server = OpenSslServer.start(cert, dir, "-www", "-tls1_2",
                "-cipher", "ECDHE-RSA-AES128-GCM-SHA256")) {
            Path log = dir.resolve("tls.jsonl");
            ProcessOutput out = fork(HttpClientMain.class, List.of(AgentRecords.javaagent(log, "probe=false")),
                    "https://localhost:" + server.port() + "/", cert.certificateFile().toString(), "1");
            assertThat(out.stdout()).contains("outcome=status 200");
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "ok").containsEntry("phase", "finished")
                    .containsEntry("transport", "engine").containsEntry("protocol", "TLSv1.2")
                    .containsEntry("cipherSuite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                    .containsEntry("peerHost", "localhost").containsEntry("peerPort", (long) server.port());
            assertThat(map(r, "peerCertificate")).containsEntry("subject", "CN=localhost");
            assertThat(out.stdout()).contains("mbean server=localhost:" + server.port()
                    + " attempts=1 ok=1 resets=0 failures=0");
        }
    }

    @Test
    void javaNetHttpRefusingAnUntrustedCertificateIsDiagnosed() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "localhost", 2048, "sha256");
        try (OpenSslServer server = OpenSslServer.start(cert, dir, "-www")) {
            Path log = dir.resolve("tls.jsonl");
            ProcessOutput out = fork(HttpClientMain.class, List.of(AgentRecords.javaagent(log, "probe=false")),
                    "https://localhost:" + server.port() + "/", "-", "1");
            assertThat(out.stdout()).contains("outcome=failed").contains("PKIX");
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "client-rejected").containsEntry("phase", "certificate-received")
                    .containsEntry("transport", "engine");
            assertThat(diagnosis(r)).isEqualTo("certificate-untrusted");
        }
    }

    @Test
    void javaNetHttpResetAfterClientHelloIsAReset() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                // Reads the ClientHello, then resets: SO_LINGER 0 makes close() send an RST, as SQL Server does.
                try (Socket s = server.accept()) {
                    s.setSoTimeout(10_000);
                    s.getInputStream().read(new byte[4096]);
                    s.setSoLinger(true, 0);
                } catch (IOException e) {
                    // the client then fails differently, which the assertions show
                }
            }, "resetting-peer");
            peer.setDaemon(true);
            peer.start();
            Path log = dir.resolve("tls.jsonl");
            ProcessOutput out = fork(HttpClientMain.class, List.of(AgentRecords.javaagent(log, "probe=false")),
                    "https://localhost:" + server.getLocalPort() + "/", "-", "1");
            assertThat(out.stdout()).contains("outcome=failed").contains("Connection reset");
            assertThat(out.stderr()).doesNotContain("\tat ");
            Map<String, Object> r = AgentRecords.single(log);
            assertThat(r).containsEntry("outcome", "reset").containsEntry("phase", "client-hello-sent")
                    .containsEntry("transport", "engine").containsEntry("peerPort", (long) server.getLocalPort());
            assertThat(out.stdout()).contains("mbean server=localhost:" + server.getLocalPort()
                    + " attempts=1 ok=0 resets=1 failures=1");
        }
    }

    @Test
    void r2dbcOnTemurin25GetsTheSameRecordsForSuccessAndReset() throws Exception {
        TestJdk jdk = TestJdk.TEMURIN_25.assumePresent();
        Path ok = dir.resolve("ok.jsonl");
        fork(jdk, R2dbcClientMain.class, List.of(AgentRecords.javaagent(ok, "")), Integer.toString(sql2019.port()),
                "true", "true", "1");
        assertThat(AgentRecords.single(ok)).containsEntry("outcome", "ok").containsEntry("phase", "finished")
                .containsEntry("transport", "engine");
        assertThat(map(AgentRecords.single(ok), "jdbc")).containsEntry("driver", "r2dbc-mssql");
        Path reset = dir.resolve("reset.jsonl");
        fork(jdk, R2dbcClientMain.class, List.of("-Djdk.tls.client.protocols=TLSv1.3",
                AgentRecords.javaagent(reset, "")), Integer.toString(sql2019.port()), "true", "true", "1");
        Map<String, Object> r = AgentRecords.single(reset);
        assertThat(r).containsEntry("outcome", "reset").containsEntry("phase", "client-hello-sent");
        assertThat(diagnosis(r)).isEqualTo("protocol-mismatch");
    }

    @Test
    void r2dbcMeetingTheIntermittentDheBugIsNamedWithItsRate() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("dhe-only-win2012r2"), 0)) {
            // As AgentDheAndAttachIT does for jTDS: batches of 800 connections (about 1 in 256 hits the bug), each
            // in a fresh JVM, until one batch meets it; four misses in a row mean the bug no longer fires. Netty's
            // default suites have no DHE (this server then resets every ClientHello): the JDK's are offered.
            for (int batch = 1; batch <= 4; batch++) {
                Path log = dir.resolve("tls-" + batch + ".jsonl");
                int hitsBefore = sim.dheBugHits();
                ProcessOutput out = fork(R2dbcClientMain.class,
                        List.of(AgentRecords.javaagent(log, "probe=false,stderr=false,jfr=false")),
                        Integer.toString(sim.port()), "true", "true", "800", "jdk-suites");
                int hits = sim.dheBugHits() - hitsBefore;
                List<Map<String, Object>> records = AgentRecords.read(log);
                assertThat(records).hasSize(800);
                List<Map<String, Object>> dhe = records.stream()
                        .filter(r -> "dhe-leading-zero-risk".equals(diagnosis(r))).collect(Collectors.toList());
                assertThat(dhe).as("every hit of the server's bug is one such record").hasSize(hits);
                long failed = out.stdout().lines().filter(l -> l.startsWith("outcome=failed"))
                        .filter(l -> !l.contains("Login failed")).count();
                assertThat(failed).isEqualTo(hits);
                if (hits == 0) {
                    continue;
                }
                Map<String, Object> last = dhe.get(dhe.size() - 1);
                assertThat(last).containsEntry("phase", "key-exchange-sent").containsEntry("transport", "engine");
                assertThat((String) last.get("cipherSuite")).startsWith("TLS_DHE_");
                assertThat((String) map(last, "diagnosis").get("message"))
                        .contains("intermittent: most DHE handshakes succeed");
                return;
            }
            throw new AssertionError("the simulator's 1-in-256 DHE bug did not fire in 4 x 800 handshakes");
        }
    }

    @Test
    void attachingToARunningR2dbcApplicationRecordsItsLaterHandshakesWithContext() throws Exception {
        EngineParity.assertAttachRecordsLaterHandshakes(dir, sql2019, List.of(TestJdk.DEFAULT.java().toString(),
                "-cp", reactiveClasspath(), R2dbcClientMain.class.getName(), Integer.toString(sql2019.port()), "true",
                "true", "600"), "r2dbc-mssql");
    }
}
