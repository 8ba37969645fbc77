package io.tlscompat.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * No secret leaves the command line: a pasted JDBC URL or a {@code host:port;password=} target is probed (its host
 * and port, against the simulator) and its password appears nowhere in stdout or stderr, on success, on errors and
 * on usage errors.
 */
class ProbeSecretsTest {
    private static final String SECRET = "Hunter2-Very-Secret";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(Arrays.asList(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    private void assertNoSecret() {
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET).doesNotContain("Hunter2");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET).doesNotContain("Hunter2");
    }

    @Test
    void pastedJdbcUrlIsProbedAtItsHostAndPortAndItsPasswordIsNeverPrinted() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            String url = "jdbc:sqlserver://127.0.0.1:" + sim.port() + ";databaseName=app;user=sa;password=" + SECRET
                    + ";encrypt=true";
            assertThat(run("probe", "--json", "--no-tds8", url)).as(err.toString()).isEqualTo(ExitCodes.OK);

            ServerProfile profile = ServerProfile.fromJsonText(out.toString(StandardCharsets.UTF_8));
            assertThat(profile.target()).isEqualTo("127.0.0.1:" + sim.port());
            assertThat(profile.prelogin().product()).isEqualTo("SQL Server 2019");
            assertThat(profile.notes()).as("a well-formed server gets no notes").isEmpty();
            assertNoSecret();
        }
    }

    @Test
    void hostPortWithPropertiesIsProbedAndItsPasswordIsNeverPrinted() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            assertThat(run("probe", "--no-tds8", "127.0.0.1:" + sim.port() + ";password=" + SECRET))
                    .as(err.toString()).isEqualTo(ExitCodes.OK);

            assertThat(out.toString(StandardCharsets.UTF_8)).contains("target       127.0.0.1:" + sim.port());
            assertNoSecret();
        }
    }

    @Test
    void unreachableUrlTargetErrorLineHasNoPassword() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(run("probe", "jdbc:sqlserver://127.0.0.1:" + port + ";user=sa;password=" + SECRET))
                .isEqualTo(ExitCodes.UNREACHABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("probe: cannot connect to 127.0.0.1:" + port);
        assertNoSecret();
    }

    @Test
    void usageErrorsThatEchoTheArgumentMaskThePassword() {
        assertThat(run("probe", "jdbc:sqlserver://db1:99999;password=" + SECRET)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("password=***").contains("99999");
        assertNoSecret();

        err.reset();
        assertThat(run("probe", "db1:1433", "user=sa;password=" + SECRET)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unexpected argument 'user=sa;password=***")
                .contains(System.lineSeparator() + "usage: ");
        assertNoSecret();

        err.reset();
        assertThat(run("probe", "--pwd=" + SECRET, "db1")).isEqualTo(ExitCodes.USAGE);
        assertNoSecret();

        err.reset();
        assertThat(run("probe", "jdbc:mysql://db1;password={" + SECRET + ";x}")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("expected jdbc:sqlserver://");
        assertNoSecret();

        err.reset();
        assertThat(run("report", "/no/such/dir/trustStorePassword=" + SECRET + ".jsonl")).isEqualTo(ExitCodes.USAGE);
        assertNoSecret();
    }

    @Test
    void forkedCommandLineNeverPrintsThePassword() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            CliProcess cli = CliProcess.run("probe", "--no-tds8",
                    "jdbc:sqlserver://localhost:" + sim.port() + ";user=sa;password=" + SECRET);
            assertThat(cli.exitCode).as(cli.toString()).isZero();
            assertThat(cli.stdout).contains("target       localhost:" + sim.port()).doesNotContain(SECRET);
            assertThat(cli.stderr).doesNotContain(SECRET);
        }
    }
}
