package io.tlscompat.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.browser.InstanceResolver;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** {@code probe 'host\instance'}: the port comes from the simulator's SQL Server Browser, or one line says why not. */
class ProbeNamedInstanceTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(Arrays.asList(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void theInstancesPortComesFromTheBrowserAndIsReported() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            int udp = sim.answerBrowser("SQLEXPRESS", 0);
            assertThat(run("probe", "--json", "--no-tds8", "--browser-port", Integer.toString(udp),
                    "127.0.0.1\\SQLEXPRESS")).isEqualTo(ExitCodes.OK);
            ServerProfile profile = ServerProfile.fromJsonText(out.toString(StandardCharsets.UTF_8));
            assertThat(profile.target()).isEqualTo("127.0.0.1:" + sim.port());
            assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("probe: instance SQLEXPRESS \u2192 port "
                    + sim.port() + ", from the SQL Server Browser on 127.0.0.1" + System.lineSeparator());
        }
    }

    @Test
    void anExplicitPortWinsOverTheInstanceAsWithMssqlJdbc() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            // No Browser at all: with the port given, none is asked.
            assertThat(run("probe", "--json", "--no-tds8", "127.0.0.1\\SQLEXPRESS:" + sim.port()))
                    .isEqualTo(ExitCodes.OK);
            assertThat(err.size()).isZero();
        }
    }

    @Test
    void aSilentBrowserIsOneLineNamingUdpAndTheInstanceWithinTheDeadline() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            long start = System.nanoTime();
            assertThat(run("probe", "--browser-port", Integer.toString(silent.getLocalPort()),
                    "127.0.0.1\\SQLEXPRESS")).isEqualTo(ExitCodes.UNREACHABLE);
            long millis = (System.nanoTime() - start) / 1_000_000L;
            String e = err.toString(StandardCharsets.UTF_8);
            assertThat(e).startsWith("probe: the SQL Server Browser on 127.0.0.1 (UDP " + silent.getLocalPort()
                    + ") did not answer for instance SQLEXPRESS within ").hasLineCount(1);
            assertThat(millis).isLessThan(InstanceResolver.DEFAULT_TIMEOUT_MILLIS + 1500L);
            assertThat(out.size()).isZero();
        }
    }

    @Test
    void aMissingInstanceNameIsAUsageError() {
        assertThat(run("probe", "db1\\")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("probe: 'db1\\' names no instance after '\\'");
    }
}
