package io.tlscompat.it.probe;

import io.tlscompat.core.json.Json;
import io.tlscompat.core.probe.ProbeMessages;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.it.support.FreePort;
import io.tlscompat.it.support.ProcessOutput;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import io.tlscompat.simulator.SimulatorProfiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as operators run it: {@code java -jar tls-compat-agent.jar probe --json HOST:PORT}, whole
 * process, on JDK 17 and Temurin 25. Exit 0 with the JSON contract, 3 for an unreachable or non-TDS target, 2 for
 * bad usage.
 */
class ProbeCliIT {
    /** The keys the JSON contract promises (more are allowed). */
    static final List<String> TOP_LEVEL_KEYS = Arrays.asList("target", "connections", "elapsedMillis", "prelogin",
            "tds7", "tds8", "certificate", "dhe", "rejection");
    static final List<String> CERTIFICATE_KEYS = Arrays.asList("subject", "issuer", "subjectAltNames",
            "signatureAlgorithm", "keyAlgorithm", "keySize", "notBefore", "notAfter");
    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(60);

    static ProcessOutput cli(TestJdk jdk, String... args) {
        Path jar = Paths.get(System.getProperty("tlscompat.agent.jar", "../java-agent/target/tls-compat-agent.jar"));
        assertThat(jar).as("the agent jar is built before the it module").exists();
        List<String> cmd = new ArrayList<>(Arrays.asList(jdk.java().toString(), "-jar", jar.toString()));
        cmd.addAll(Arrays.asList(args));
        return ProcessOutput.run(cmd, CLI_TIMEOUT);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestJdk.class)
    void probeJsonMeetsTheContractAgainstEveryProfile(TestJdk jdk) throws Exception {
        jdk.assumePresent();
        for (String name : SimulatorProfiles.names()) {
            SimulatorProfile profile = SimulatorProfiles.named(name);
            try (Simulator sim = Simulator.start(profile, 0)) {
                ProcessOutput out = cli(jdk, "probe", "--json", "localhost:" + sim.port());
                assertThat(out.exitCode()).as(name + ": " + out).isZero();
                Map<String, Object> json = Json.parseObject(out.stdout());
                assertThat(json).as(name).containsKeys(TOP_LEVEL_KEYS.toArray(new String[0]));
                assertThat(json.get("target")).isEqualTo("localhost:" + sim.port());
                assertThat(object(json, "tds8")).as(name).containsKey("alpn");
                if (json.get("prelogin") != null) {
                    assertThat(object(json, "prelogin")).as(name)
                            .containsKeys("version", "product", "encryption");
                }
                if (json.get("certificate") != null) {
                    assertThat(object(json, "certificate")).as(name)
                            .containsKeys(CERTIFICATE_KEYS.toArray(new String[0]));
                }
                if (json.get("dhe") != null) {
                    assertThat(object(json, "dhe")).as(name).containsKey("groupBits");
                }
                // The same facts as the in-process probe, read back through the documented JSON.
                ProbeAgainstSimulatorIT.assertMatches(profile, sim, ServerProfile.fromJsonText(out.stdout()));
            }
        }
    }

    @Test
    void closedPortExitsWith3AndOneLine() {
        int port = FreePort.closed();
        ProcessOutput out = cli(TestJdk.DEFAULT, "probe", "--json", "localhost:" + port);
        assertThat(out.exitCode()).as(out.toString()).isEqualTo(3);
        assertOneLineNaming(out, "localhost:" + port);
        assertFollowsConstant(out, ProbeMessages.UNREACHABLE, "localhost:" + port);
    }

    @Test
    void httpServerIsNotTdsAndExitsWith3() throws Exception {
        try (ServerSocket http = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> answerLikeHttp(http), "fake-http");
            t.setDaemon(true);
            t.start();
            ProcessOutput out = cli(TestJdk.DEFAULT, "probe", "--json", "127.0.0.1:" + http.getLocalPort());
            assertThat(out.exitCode()).as(out.toString()).isEqualTo(3);
            assertOneLineNaming(out, "127.0.0.1:" + http.getLocalPort());
            assertFollowsConstant(out, ProbeMessages.NOT_TDS, "127.0.0.1:" + http.getLocalPort());
        }
    }

    private static void answerLikeHttp(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket s = server.accept(); OutputStream o = s.getOutputStream()) {
                o.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                o.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    @Test
    void missingTargetIsAUsageErrorWithExit2() {
        ProcessOutput out = cli(TestJdk.DEFAULT, "probe", "--json");
        assertThat(out.exitCode()).as(out.toString()).isEqualTo(2);
        assertThat(out.stderr()).isNotBlank();
        assertThat(out.stderr()).doesNotContain("\tat ");
    }

    @Test
    void unknownSubcommandIsAUsageErrorWithExit2() {
        ProcessOutput out = cli(TestJdk.DEFAULT, "no-such-command");
        assertThat(out.exitCode()).as(out.toString()).isEqualTo(2);
        assertThat(out.stderr()).doesNotContain("\tat ");
    }

    @Test
    void badPortIsAUsageErrorWithExit2() {
        ProcessOutput out = cli(TestJdk.DEFAULT, "probe", "--json", "localhost:notaport");
        assertThat(out.exitCode()).as(out.toString()).isEqualTo(2);
        assertThat(out.stderr()).contains("notaport");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }

    /**
     * The error line is the probe's message constant: the text before the reason (which names the target) and the
     * fix after it both appear.
     */
    private static void assertFollowsConstant(ProcessOutput out, String constant, String target) {
        String[] parts = String.format(constant, target, "\u0000").split("\u0000");
        assertThat(out.stderr()).as(out.toString()).contains(parts[0]).contains(parts[1]);
    }

    /** Errors are one clear line naming the target, never a stack trace. */
    private static void assertOneLineNaming(ProcessOutput out, String target) {
        String err = out.stderr().trim();
        assertThat(err).as(out.toString()).contains(target);
        assertThat(err.split("\n")).as(out.toString()).hasSize(1);
        assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
    }

}
