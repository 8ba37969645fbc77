package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Probe a server, replay the probe, probe the replay: the core probe must see the same server twice. This is how a
 * user reproduces a production posture locally.
 */
class ProbeReplayTest {

    private static ServerProfile probe(SimulatorProfile profile) throws Exception {
        try (Simulator sim = Simulator.start(profile, 0)) {
            return new TdsProbe(ProbeSettings.defaults()).probe("127.0.0.1", sim.port());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql2014-win2012r2", "sql2022-win2022", "sql2022-force-strict", "md5-cert",
            "rsa-only-hardened"})
    void replayOfAProbeProbesTheSame(String name) throws Exception {
        ServerProfile original = probe(SimulatorProfiles.named(name));
        ProbeReplay replay = ProbeReplay.of(original, "replay");
        ServerProfile again = probe(replay.profile());
        assertThat(again.prelogin()).isEqualTo(original.prelogin());
        assertThat(again.tds7()).isEqualTo(original.tds7());
        assertThat(again.tds8()).isEqualTo(original.tds8());
        assertThat(again.ecdheGroups()).isEqualTo(original.ecdheGroups());
        assertThat(again.dheGroupBits()).isEqualTo(original.dheGroupBits());
        assertThat(again.rejection()).isEqualTo(original.rejection());
        assertThat(again.certificate().signatureAlgorithm()).isEqualTo(original.certificate().signatureAlgorithm());
        assertThat(again.certificate().subject()).isEqualTo(original.certificate().subject());
        assertThat(again.certificate().keySize()).isEqualTo(original.certificate().keySize());
        assertThat(again.certificate().notAfter()).isEqualTo(original.certificate().notAfter());
    }

    @Test
    void commandLineReplaysAProbeFile(@TempDir Path dir) throws Exception {
        SimulatorProfile prod = SimulatorProfiles.named("sql2016-win2016").toBuilder().certSubjectCn("db01.corp")
                .certSans("db01.corp", "10.1.2.3").build();
        Path json = dir.resolve("prod.json");
        Files.write(json, probe(prod).toJsonText().getBytes(StandardCharsets.UTF_8));
        Path ready = dir.resolve("port");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> SimulatorMain.run(new String[] {
            "--from-probe", json.toString(), "--port", "0", "--exit-after", "3", "--ready-file", ready.toString()},
                new PrintStream(out, true), new PrintStream(new ByteArrayOutputStream(), true)));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.exists(ready) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        int port = Integer.parseInt(new String(Files.readAllBytes(ready), StandardCharsets.US_ASCII).trim());
        ServerProfile replayed = new TdsProbe(ProbeSettings.defaults()).probe("127.0.0.1", port);
        assertThat(replayed.certificate().subjectAltNames()).containsExactly("db01.corp", "10.1.2.3");
        assertThat(replayed.tds7()).isEqualTo(ServerProfile.fromJsonText(new String(Files.readAllBytes(json),
                StandardCharsets.UTF_8)).tds7());
        assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(new String(out.toByteArray(), StandardCharsets.UTF_8))
                .contains("tls-compat simulator: replay = SQL Server 2016 13.0.5026")
                // A self-signed RSA server with servable suites replays without anything left out.
                .doesNotContain("note:");
    }

    @Test
    @SuppressWarnings("unchecked")
    void whatTheSimulatorCannotServeIsListedInTheNotes() throws Exception {
        java.util.Map<String, Object> json = io.tlscompat.core.json.Json.parseObject(
                probe(SimulatorProfiles.named("sql2019-win2019")).toJsonText());
        java.util.Map<String, Object> cert = (java.util.Map<String, Object>) json.get("certificate");
        cert.put("issuer", "CN=Corp Issuing CA");
        cert.put("selfSigned", false);
        java.util.Map<String, Object> tls12 = (java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                ((java.util.Map<String, Object>) json.get("tds7")).get("protocols")).get("TLSv1.2");
        java.util.List<Object> suites = new java.util.ArrayList<>((java.util.List<Object>) tls12.get("cipherSuites"));
        suites.add(0, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        suites.add("TLS_RSA_WITH_RC4_128_SHA");
        tls12.put("cipherSuites", suites);
        ProbeReplay replay = ProbeReplay.of(ServerProfile.fromJson(json), "corp");
        assertThat(replay.notes()).containsExactly(
                "left out suite TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: the simulator serves RSA certificates only",
                "left out suites Bouncy Castle cannot serve: [TLS_RSA_WITH_RC4_128_SHA]",
                "the real certificate is CA-issued (CN=Corp Issuing CA); the replay's is issued by a stand-in CA of"
                        + " that name");
        assertThat(replay.profile().certIssuerCn()).isEqualTo("Corp Issuing CA");
        assertThat(replay.profile().cipherSuites()).extracting(io.tlscompat.core.tls.CipherSuite::name)
                .first().isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    }
}
