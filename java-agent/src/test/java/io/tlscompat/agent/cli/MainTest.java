package io.tlscompat.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(Arrays.asList(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noArgumentsPrintsHelpAndIsAUsageError() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).startsWith(Main.USAGE).contains("probe");
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out()).startsWith(Main.USAGE).contains("  probe    probe a SQL Server endpoint's TLS");
    }

    @Test
    void unknownCommandIsOneLine() {
        assertThat(run("prbe", "db1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).isEqualTo(String.format(Main.UNKNOWN_COMMAND, "prbe") + System.lineSeparator());
    }

    @Test
    void probeHelpAndMisuse() {
        assertThat(run("probe", "--help")).isEqualTo(ExitCodes.OK);
        assertThat(out()).startsWith("usage: java -jar tls-compat-agent.jar probe");
        assertThat(run("probe", "--timeout", "x", "db1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).startsWith("probe: " + String.format(ProbeOptions.BAD_TIMEOUT, "x"))
                .contains(ProbeCommand.HELP);
    }
}
