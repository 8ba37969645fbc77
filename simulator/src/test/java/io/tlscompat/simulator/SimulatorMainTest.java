package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.tds.EncryptionLevel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: listing, banner, overrides, bad arguments, and the build-harness options. */
class SimulatorMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SimulatorMain.run(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    private String out() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private String err() {
        return new String(err.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void listPrintsEveryProfile() {
        assertThat(run("--list")).isZero();
        for (String name : SimulatorProfiles.names()) {
            assertThat(out()).contains(name);
        }
    }

    @Test
    void unknownProfileIsOneLineAndExit2() {
        assertThat(run("--profile", "sql2000")).isEqualTo(2);
        assertThat(err()).startsWith("error: unknown simulator profile 'sql2000'; known profiles: sql2008r2-rtm")
                .hasLineCount(1);
    }

    @Test
    void badOverridesAreOneLineAndExit2() {
        assertThat(run("--dhe-bug", "sometimes")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --dhe-bug 'sometimes' is not one of never, intermittent, always\n");
        err.reset();
        assertThat(run("--cipher-suites", "TLS_FOO")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --cipher-suites: unknown cipher suite 'TLS_FOO': use IANA names such as "
                + "TLS_RSA_WITH_AES_128_GCM_SHA256\n");
        err.reset();
        assertThat(run("--port", "70000")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --port '70000' is not a number in 0..65535\n");
        err.reset();
        assertThat(run("--relay", "nohost")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --relay 'nohost' is not HOST:PORT (e.g. localhost:4433)\n");
        err.reset();
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: unknown argument '--frobnicate'; run with --help for the options\n");
    }

    @Test
    void overridesReachTheProfile() throws Exception {
        SimulatorCommandLine cl = SimulatorCommandLine.parse(new String[] {"--profile", "sql2016-win2016",
                "--protocols", "TLSv1.2", "--cipher-suites", "TLS_RSA_WITH_AES_128_GCM_SHA256",
                "--cert-signature", "sha-1", "--encryption", "req", "--rejection", "alert", "--dhe-bug", "always",
                "--strict", "force", "--client-order", "--serve-weak-cert"});
        SimulatorProfile p = cl.profile;
        assertThat(p.protocols()).containsExactly(io.tlscompat.core.tls.TlsVersion.TLSv1_2);
        assertThat(p.cipherSuites()).extracting(c -> c.name()).containsExactly("TLS_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(p.certSignature()).isEqualTo(CertificateSignature.SHA1);
        assertThat(p.encryption()).isEqualTo(EncryptionLevel.REQ);
        assertThat(p.rejection()).isEqualTo(Rejection.ALERT);
        assertThat(p.dheBug()).isEqualTo(DheBug.ALWAYS);
        assertThat(p.forceStrict()).isTrue();
        assertThat(p.serverOrder()).isFalse();
        assertThat(p.schannelRejectsWeakCertificate()).isFalse();
    }

    @Test
    void certificateOptionsReachTheProfile() throws Exception {
        SimulatorProfile p = SimulatorCommandLine.parse(new String[] {"--cert-cn", "db01.corp.example",
                "--cert-sans", "db01.corp.example,db01", "--key-size", "3072", "--expired-cert"}).profile;
        assertThat(p.certSubjectCn()).isEqualTo("db01.corp.example");
        assertThat(p.certSans()).containsExactly("db01.corp.example", "db01");
        assertThat(p.keySize()).isEqualTo(3072);
        assertThat(p.certNotAfter()).isBefore(java.time.Instant.now());
    }

    @Test
    void bareStrictTurnsTds8On() throws Exception {
        SimulatorProfile p = SimulatorCommandLine.parse(new String[] {"--profile", "sql2019-win2019", "--strict",
                "--port", "0"}).profile;
        assertThat(p.strict()).isTrue();
        assertThat(p.forceStrict()).isFalse();
        assertThat(p.strictProtocols()).containsExactly(io.tlscompat.core.tls.TlsVersion.TLSv1_3,
                io.tlscompat.core.tls.TlsVersion.TLSv1_2);
    }

    @Test
    void portZeroPrintsTheBoundPortWritesTheReadyFileAndExitsByItself(@TempDir Path dir) throws Exception {
        Path ready = dir.resolve("port.txt");
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> run("--profile",
                "sql2014-win2012r2", "--port", "0", "--exit-after", "3", "--ready-file", ready.toString()));
        long deadline = System.currentTimeMillis() + 10_000;
        while (!Files.exists(ready) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        int port = Integer.parseInt(new String(Files.readAllBytes(ready), StandardCharsets.US_ASCII).trim());
        try (TdsTestClient client = TdsTestClient.connect(port)) {
            assertThat(client.prelogin(EncryptionLevel.ON).version().toString()).isEqualTo("12.0.6024");
        }
        assertThat(status.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(out()).contains("tls-compat simulator: sql2014-win2012r2 = SQL Server 2014 12.0.6024; "
                + "TDS 7.x TLSv1,TLSv1.1,TLSv1.2; TDS 8 off; 15 cipher suites; certificate SHA256withRSA 2048-bit "
                + "CN=SSL_Self_Signed_Fallback")
                .contains("Listening on 127.0.0.1:" + port + " for 3 s (or press Ctrl+C).");
    }

    @Test
    void instancePrintsTheBrowsersPort() {
        assertThat(run("--port", "0", "--instance", "SQLEXPRESS", "--browser-port", "0", "--exit-after", "1"))
                .isZero();
        assertThat(out()).containsPattern("SQL Server Browser on UDP 127\\.0\\.0\\.1:[1-9][0-9]* answers for "
                + "instance SQLEXPRESS \\(TCP port [1-9][0-9]*\\)\\.");
    }

    @Test
    void badInstanceOptionsAreOneLineAndExit2() {
        assertThat(run("--instance", "db1\\X")).isEqualTo(2);
        assertThat(err()).startsWith("error: --instance 'db1\\X' is not an instance name").hasLineCount(1);
        err.reset();
        assertThat(run("--browser-port", "0")).isEqualTo(2);
        assertThat(err()).isEqualTo("error: --browser-port needs --instance NAME: the Browser answers for a named "
                + "instance\n");
    }
}
