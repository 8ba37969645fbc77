package io.tlscompat.agent.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code list}: the JVMs this user may attach the agent to (pid and main class or jar). */
final class ListCommand implements Command {
    static final String HEADER = "PID      MAIN";

    @Override
    public String summary() {
        return "list the running JVMs you can attach to";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            if (args.size() == 1 && (args.get(0).equals("--help") || args.get(0).equals("-h"))) {
                out.println("usage: java -jar tls-compat-agent.jar list");
                return ExitCodes.OK;
            }
            err.println("list: takes no arguments");
            return ExitCodes.USAGE;
        }
        try {
            List<AttachSupport.Jvm> jvms = AttachSupport.list();
            out.println(HEADER);
            for (AttachSupport.Jvm j : jvms) {
                out.println(String.format("%-8s %s", j.pid, j.displayName.isEmpty() ? "(unknown)" : j.displayName));
            }
            return ExitCodes.OK;
        } catch (AttachSupport.AttachException e) {
            err.println("list: " + e.getMessage());
            return ExitCodes.ERROR;
        }
    }
}
