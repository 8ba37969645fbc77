package io.tlscompat.it.agent;

import static io.tlscompat.it.agent.AgentRecords.diagnosis;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.it.support.OpenSslCertificate;
import io.tlscompat.it.support.OpenSslServer;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against a TLS stack that is neither JSSE nor the simulator's: {@code openssl s_server} behind the
 * simulator's TDS front door (relay mode), with a real driver.
 */
class AgentAgainstOpenSslIT {
    @TempDir
    Path dir;

    private static Simulator relay(OpenSslServer backend) throws Exception {
        SimulatorProfile profile = SimulatorProfile.builder("openssl-relay").description("openssl s_server behind TDS")
                .relayTo("127.0.0.1", backend.port()).relayResetOnBackendFailure(true).build();
        return Simulator.start(profile, 0);
    }

    @Test
    void successAgainstOpenSslCarriesWhatJsseNegotiated() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "openssl.example.test", 2048, "sha256");
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1_2",
                "-cipher", "ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA256");
                Simulator sim = relay(backend)) {
            Path log = dir.resolve("tls.jsonl");
            Path jfr = dir.resolve("rec.jfr");
            JdbcDriver d = JdbcDriver.JTDS_1_3_1;
            ClientOutcome o = JdbcClient.with(d)
                    .jvmArgs("-XX:StartFlightRecording:+jdk.TLSHandshake#enabled=true,filename=" + jfr,
                            AgentRecords.javaagent(log, "probe=false"))
                    .connect(d.url(sim.port(), "ssl=require")).single();
            Map<String, Object> r = AgentRecords.read(log).get(0);
            assertThat(r).as(o.toString()).containsEntry("outcome", "ok").containsEntry("phase", "finished");
            RecordedEvent jdk = RecordingFile.readAllEvents(jfr).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.TLSHandshake")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jdk.TLSHandshake"));
            assertThat(r).containsEntry("protocol", jdk.getString("protocolVersion"))
                    .containsEntry("cipherSuite", jdk.getString("cipherSuite"))
                    .containsEntry("protocol", "TLSv1.2")
                    .containsEntry("cipherSuite", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(AgentRecords.map(r, "peerCertificate")).containsEntry("subject", "CN=openssl.example.test");
        }
    }

    @Test
    void openSslWithoutASuiteThisClientOffersIsACipherMismatch() throws Exception {
        OpenSslCertificate cert = OpenSslCertificate.rsa(dir, "openssl.example.test", 2048, "sha256");
        // The client offers one ECDHE suite, OpenSSL serves only an RSA-key-exchange suite: OpenSSL sends an alert.
        try (OpenSslServer backend = OpenSslServer.start(cert, dir, "-tls1_2", "-cipher", "AES256-SHA256");
                Simulator sim = relay(backend)) {
            Path log = dir.resolve("tls.jsonl");
            JdbcDriver d = JdbcDriver.JTDS_1_3_1;
            JdbcClient.with(d).jvmArgs("-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    AgentRecords.javaagent(log, "")).connect(d.url(sim.port(), "ssl=require"));
            List<Map<String, Object>> records = AgentRecords.read(log);
            assertThat(records).hasSize(1);
            Map<String, Object> r = records.get(0);
            assertThat((String) r.get("outcome")).isIn("alert", "reset");
            assertThat(r).containsEntry("phase", "client-hello-sent");
            assertThat(diagnosis(r)).isEqualTo("cipher-mismatch");
        }
    }
}
