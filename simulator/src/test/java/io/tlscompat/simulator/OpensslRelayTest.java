package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlscompat.core.tds.EncryptionLevel;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Relay mode: an independent TLS implementation ({@code openssl s_server}) behind SQL Server's TDS framing, and the
 * JDK's TLS client in front. Skipped when openssl is not on the PATH (CI installs it).
 */
class OpensslRelayTest {
    @TempDir
    static Path dir;
    private static Path certPem;
    private static Path keyPem;
    private static ServerCertificate cert;

    private Process openssl;
    private final BlockingQueue<String> opensslOutput = new LinkedBlockingQueue<>();

    @BeforeAll
    static void writeCertificate() throws IOException {
        cert = ServerCertificate.generate(SimulatorProfile.builder("relay-backend").certSubjectCn("openssl-backend")
                .build());
        certPem = dir.resolve("cert.pem");
        keyPem = dir.resolve("key.pem");
        Files.write(certPem, pem("CERTIFICATE", cert.encoded()));
        Files.write(keyPem, pem("PRIVATE KEY", cert.keyPair().getPrivate().getEncoded()));
    }

    private static byte[] pem(String type, byte[] der) {
        return ("-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END "
                + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean opensslOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (new File(d, "openssl").canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Starts {@code openssl s_server} on a free port with extra arguments; returns the port once it accepts. */
    private int startOpenssl(String... extra) throws Exception {
        assumeTrue(opensslOnPath(), "openssl not on PATH");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(Arrays.asList("openssl", "s_server", "-accept", String.valueOf(port),
                "-cert", certPem.toString(), "-key", keyPem.toString()));
        cmd.addAll(Arrays.asList(extra));
        openssl = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(openssl.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    opensslOutput.add(line);
                }
            } catch (IOException e) {
                // process ended
            }
        }, "openssl-output");
        reader.setDaemon(true);
        reader.start();
        awaitOutput("ACCEPT");
        return port;
    }

    private String awaitOutput(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            String line = opensslOutput.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("openssl s_server never printed '" + text + "'");
    }

    @AfterEach
    void stopOpenssl() throws InterruptedException {
        if (openssl != null) {
            openssl.destroy();
            if (!openssl.waitFor(5, TimeUnit.SECONDS)) {
                openssl.destroyForcibly();
            }
        }
    }

    private static SimulatorProfile relayTo(int port, boolean resetOnFailure) {
        return SimulatorProfiles.named("sql2019-win2019").toBuilder().relayTo("127.0.0.1", port)
                .relayResetOnBackendFailure(resetOnFailure).build();
    }

    @Test
    void handshakeWithOpensslBehindTdsFraming() throws Exception {
        int backend = startOpenssl("-tls1_2", "-naccept", "1");
        try (Simulator sim = Simulator.start(relayTo(backend, false), 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            assertThat(client.prelogin(EncryptionLevel.ON).encryption()).isEqualTo(EncryptionLevel.ON);
            SSLSocket tls = client.startTls(TdsTestClient.trustAll(), s -> s.setEnabledProtocols(
                    new String[] {"TLSv1.3", "TLSv1.2"}));
            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.2");
            assertThat(tls.getSession().getPeerCertificates()[0]).isEqualTo(cert.certificate());
            // After the handshake the relay pipes raw TLS: openssl prints what the client sends.
            tls.getOutputStream().write("hello through the relay\n".getBytes(StandardCharsets.US_ASCII));
            tls.getOutputStream().flush();
            awaitOutput("hello through the relay");
        }
    }

    @Test
    void backendAlertPassesThrough() throws Exception {
        int backend = startOpenssl("-tls1_2", "-naccept", "1", "-cipher", "AES256-SHA");
        try (Simulator sim = Simulator.start(relayTo(backend, false), 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            client.prelogin(EncryptionLevel.ON);
            Throwable t = catchThrowable(() -> client.startTls(TdsTestClient.trustAll(), s -> {
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                s.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
            }));
            assertThat(t).isInstanceOf(SSLHandshakeException.class);
            JdkMessages.assertJdkMessage(t.getMessage(), "handshake_failure", "Received fatal alert: handshake_failure");
        }
    }

    @Test
    void backendAlertBecomesResetWhenAsked() throws Exception {
        int backend = startOpenssl("-tls1_2", "-naccept", "1", "-cipher", "AES256-SHA");
        try (Simulator sim = Simulator.start(relayTo(backend, true), 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            client.prelogin(EncryptionLevel.ON);
            Throwable t = catchThrowable(() -> client.startTls(TdsTestClient.trustAll(), s -> {
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                s.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"});
            }));
            boolean reset = false;
            for (Throwable c = t; c != null; c = c.getCause()) {
                reset |= c instanceof SocketException && String.valueOf(c.getMessage()).contains("Connection reset");
            }
            assertThat(reset).as("Connection reset in %s", t).isTrue();
        }
    }

    @Test
    void aClientLeavingMidHandshakeReleasesTheBackendAtOnce() throws Exception {
        // openssl s_server serves one connection at a time: the next client only gets through if the relay
        // passes the first client's departure on to the backend.
        int backend = startOpenssl("-tls1_2", "-naccept", "2");
        try (Simulator sim = Simulator.start(relayTo(backend, false), 0)) {
            try (TdsTestClient leaving = TdsTestClient.connect(sim.port())) {
                leaving.prelogin(EncryptionLevel.ON);
                // A ClientHello's worth of bytes never comes: the client gives up right after PRELOGIN.
            }
            long start = System.nanoTime();
            try (TdsTestClient client = TdsTestClient.connect(sim.port())) {
                client.prelogin(EncryptionLevel.ON);
                SSLSocket tls = client.startTls(TdsTestClient.trustAll(), s -> s.setEnabledProtocols(
                        new String[] {"TLSv1.2"}));
                assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.2");
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
        }
    }

    @Test
    void tds8RelayPipesTlsFirstToTheBackend() throws Exception {
        int backend = startOpenssl("-tls1_3", "-alpn", "tds/8.0", "-naccept", "1");
        SimulatorProfile profile = SimulatorProfiles.named("sql2022-win2022").toBuilder()
                .relayTo("127.0.0.1", backend).build();
        try (Simulator sim = Simulator.start(profile, 0);
                TdsTestClient client = TdsTestClient.connect(sim.port())) {
            SSLSocket tls = client.startStrictTls(TdsTestClient.trustAll(), s -> { });
            assertThat(tls.getSession().getProtocol()).isEqualTo("TLSv1.3");
            assertThat(tls.getApplicationProtocol()).isEqualTo("tds/8.0");
            assertThat(tls.getSession().getPeerCertificates()[0]).isEqualTo(cert.certificate());
        }
    }
}
