package io.tlscompat.agent.cli;

import io.tlscompat.agent.AgentOptions;
import java.io.File;
import java.io.PrintStream;
import java.util.List;

/** {@code attach <pid> [options]}: loads this agent into a running JVM with the same options as -javaagent. */
final class AttachCommand implements Command {
    static final String HELP = String.join(System.lineSeparator(),
            "usage: java -jar tls-compat-agent.jar attach <pid> [key=value,...]",
            "",
            "Loads the tls-compat agent into a running JVM (Attach API); from then on every TLS handshake",
            "that JVM makes is recorded. Options are those of -javaagent:tls-compat-agent.jar=<options>:",
            "  " + String.join(", ", AgentOptions.KEYS),
            "  e.g. log=/var/log/app/tls.jsonl,probe=false",
            "",
            "JDK 21+ prints a warning in the target JVM when an agent is loaded dynamically (JEP 451);",
            "start it with -XX:+EnableDynamicAgentLoading to allow it silently, or use -javaagent.",
            "",
            "exit codes: 0 attached, 2 usage error, 3 no such JVM or the agent did not load");
    /** Printed after a successful attach; %s = pid. */
    static final String ATTACHED = "attached to pid %s; the agent prints its [tls-compat] startup line on that JVM's"
            + " stderr";
    /** Note for JDK 21+ targets; %s = the target's Java version. */
    static final String DYNAMIC_AGENT_NOTE = "note: the target runs Java %s: it prints a dynamic-agent warning"
            + " (JEP 451); -XX:+EnableDynamicAgentLoading silences it";

    @Override
    public String summary() {
        return "load the agent into a running JVM: attach <pid> [key=value,...]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
            out.println(HELP);
            return ExitCodes.OK;
        }
        if (args.isEmpty() || args.size() > 2 || !args.get(0).matches("[0-9]+")) {
            err.println("attach: give the process id of a running JVM (see 'list'), then optional key=value,...");
            err.println(HELP);
            return ExitCodes.USAGE;
        }
        String pid = args.get(0);
        String options = args.size() == 2 ? args.get(1) : "";
        try {
            AgentOptions.parse(options);
        } catch (IllegalArgumentException e) {
            err.println("attach: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        File jar;
        try {
            jar = Main.agentJar();
        } catch (IllegalStateException e) {
            err.println("attach: run this from the agent jar (java -jar tls-compat-agent.jar attach ...): "
                    + e.getMessage());
            return ExitCodes.USAGE;
        }
        try {
            String version = AttachSupport.loadAgent(pid, jar.getAbsolutePath(), options);
            out.println(String.format(ATTACHED, pid));
            if (majorVersion(version) >= 21) {
                err.println(String.format(DYNAMIC_AGENT_NOTE, version));
            }
            return ExitCodes.OK;
        } catch (AttachSupport.AttachException e) {
            err.println("attach: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
    }

    static int majorVersion(String javaVersion) {
        if (javaVersion == null) {
            return 0;
        }
        String v = javaVersion.startsWith("1.") ? javaVersion.substring(2) : javaVersion;
        StringBuilder digits = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (!Character.isDigit(c)) {
                break;
            }
            digits.append(c);
        }
        return digits.length() == 0 ? 0 : Integer.parseInt(digits.toString());
    }
}
