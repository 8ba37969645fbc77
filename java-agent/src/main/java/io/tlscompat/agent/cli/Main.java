package io.tlscompat.agent.cli;

import java.io.File;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar tls-compat-agent.jar <command> ...}: dispatches to the registered subcommands. Adding a
 * subcommand is one line in {@link #COMMANDS}.
 */
public final class Main {
    /** The subcommands by name, in the order the help lists them. */
    static final Map<String, Command> COMMANDS;

    static {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("probe", new ProbeCommand());
        commands.put("attach", new AttachCommand());
        commands.put("list", new ListCommand());
        commands.put("report", new ReportCommand());
        COMMANDS = Collections.unmodifiableMap(commands);
    }

    /** First line of the top-level help. */
    static final String USAGE = "usage: java -jar tls-compat-agent.jar <command> [options]";
    /** Printed when the command is not known; %s is what the user typed. */
    static final String UNKNOWN_COMMAND = "unknown command '%s' — run with --help to list the commands";

    /** The agent jar this command line runs from, as {@code AgentEntry} found it; null when run from classes. */
    private static volatile File agentJar;

    private Main() {
    }

    /**
     * Called by {@code AgentEntry.main}, the jar's {@code Main-Class}, which defines this class in the agent's own
     * class loader and hands over the jar's path (the {@code attach} command loads that jar into the target JVM).
     */
    public static void launch(String[] args, String agentJarPath) {
        agentJar = new File(agentJarPath);
        main(args);
    }

    /** The agent jar, for {@code attach}; fails when not run from it. */
    static File agentJar() {
        File jar = agentJar;
        if (jar == null) {
            throw new IllegalStateException("not started from the agent jar");
        }
        return jar;
    }

    public static void main(String[] args) {
        int code = run(Arrays.asList(args), System.out, System.err);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /**
     * Runs a command line; returns the exit code instead of exiting, so tests can call it. Whatever any command
     * prints leaves through {@link RedactingOutput}: no password typed or pasted on the command line is echoed.
     */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        PrintStream maskedOut = RedactingOutput.around(out);
        PrintStream maskedErr = RedactingOutput.around(err);
        try {
            return dispatch(args, maskedOut, maskedErr);
        } finally {
            maskedOut.close();
            maskedErr.close();
        }
    }

    private static int dispatch(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty()) {
            printHelp(err);
            return ExitCodes.USAGE;
        }
        String name = args.get(0);
        if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
            printHelp(out);
            return ExitCodes.OK;
        }
        Command command = COMMANDS.get(name);
        if (command == null) {
            err.println(String.format(UNKNOWN_COMMAND, name));
            return ExitCodes.USAGE;
        }
        try {
            return command.run(args.subList(1, args.size()), out, err);
        } catch (RuntimeException e) {
            // A bug, not a user error: still one line, and an exit code that says so.
            err.println("tls-compat " + name + " failed unexpectedly: " + e);
            return ExitCodes.ERROR;
        }
    }

    static void printHelp(PrintStream out) {
        out.println(USAGE);
        out.println();
        out.println("commands:");
        for (Map.Entry<String, Command> e : COMMANDS.entrySet()) {
            out.println(String.format("  %-8s %s", e.getKey(), e.getValue().summary()));
        }
        out.println();
        out.println("Run '<command> --help' for a command's options.");
    }
}
