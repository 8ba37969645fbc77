package io.tlscompat.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.probe.ProbeMessages;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tls.TlsVersion;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** {@code probe} end to end against the SQL Server simulator (Bouncy Castle TLS behind a TDS front door). */
class ProbeCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(Arrays.asList(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void jsonIsExactlyTheServerProfile() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            assertThat(run("probe", "--json", "--no-tds8", "127.0.0.1:" + sim.port())).isEqualTo(ExitCodes.OK);

            String json = out.toString(StandardCharsets.UTF_8);
            ServerProfile profile = ServerProfile.fromJsonText(json);
            assertThat(json).isEqualTo(profile.toJsonText()).endsWith("}\n");
            assertThat(profile.target()).isEqualTo("127.0.0.1:" + sim.port());
            assertThat(profile.prelogin().product()).isEqualTo("SQL Server 2019");
            assertThat(profile.tds7().protocols()).containsKey(TlsVersion.TLSv1_2);
            assertThat(profile.tds7().protocols().get(TlsVersion.TLSv1_2).serverOrder()).isTrue();
            String served = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(sim.certificate().getEncoded()));
            assertThat(profile.certificate().sha256Fingerprint()).isEqualTo(served);
            assertThat(err.size()).isZero();
        }
    }

    @Test
    void tableShowsForceStrictServer() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2022-force-strict"), 0)) {
            assertThat(run("probe", "--timeout", "15", "127.0.0.1:" + sim.port())).isEqualTo(ExitCodes.OK);

            String table = out.toString(StandardCharsets.UTF_8);
            assertThat(table).contains("target       127.0.0.1:" + sim.port())
                    .contains("prelogin     no answer")
                    .contains("TDS 7.x      not supported")
                    .contains("TDS 8        supported, ALPN tds/8.0")
                    .contains("  TLSv1.3 ")
                    .contains("server order")
                    .contains("certificate  ")
                    .contains("connections  ");
        }
    }

    @Test
    void forceStrictWithoutTds8IsExit3WithTheFix() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2022-force-strict"), 0)) {
            assertThat(run("probe", "--no-tds8", "127.0.0.1:" + sim.port())).isEqualTo(ExitCodes.UNREACHABLE);

            String[] lines = err.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
            assertThat(lines).hasSize(1);
            assertThat(lines[0])
                    .isEqualTo("probe: " + String.format(ProbeMessages.PRELOGIN_REFUSED, "127.0.0.1:" + sim.port()));
            assertThat(out.size()).isZero();
        }
    }

    @Test
    void unreachableIsExit3AndOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(run("probe", "127.0.0.1:" + port)).isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("probe: " + String.format(
                ProbeMessages.UNREACHABLE, "127.0.0.1:" + port, "Connection refused") + System.lineSeparator());
    }
}
