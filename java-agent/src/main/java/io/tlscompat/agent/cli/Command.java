package io.tlscompat.agent.cli;

import java.io.PrintStream;
import java.util.List;

/** One subcommand of {@code java -jar tls-compat-agent.jar}. Register it in {@link Main#COMMANDS}. */
public interface Command {
    /** A one-line description for the command list in the help. */
    String summary();

    /**
     * Runs the command.
     *
     * @param args the arguments after the subcommand name
     * @param out  where results go
     * @param err  where errors and progress go (one line per error, no stack traces)
     * @return the process exit code, see {@link ExitCodes}
     */
    int run(List<String> args, PrintStream out, PrintStream err);
}
