package io.tlscompat.agent.cli;

import io.tlscompat.core.probe.ProbeException;
import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code probe [--json] [--timeout SECONDS] [--no-tds8] HOST[:PORT]|JDBC-URL}: what TLS a SQL Server endpoint
 * accepts.
 */
final class ProbeCommand implements Command {
    static final String HELP = String.join(System.lineSeparator(),
            "usage: java -jar tls-compat-agent.jar probe [--json] [--timeout SECONDS] [--no-tds8] HOST[:PORT]|JDBC-URL",
            "",
            "Probes a SQL Server endpoint's TLS over TDS 7.x (PRELOGIN-wrapped) and TDS 8 (strict):",
            "protocol versions, cipher suites and order, certificate, DHE/ECDHE groups, how it rejects.",
            "",
            "  --json              print the profile as JSON (the server-profile contract)",
            "  --timeout SECONDS   overall deadline, default " + ProbeOptions.DEFAULT_TIMEOUT_SECONDS,
            "  --no-tds8           skip the TDS 8 strict path",
            "  HOST[:PORT]         default port " + ProbeOptions.DEFAULT_PORT + "; or a pasted JDBC URL",
            "                      (jdbc:sqlserver://host[\\instance][:port];...): its host and port are probed",
            "",
            "Passwords in anything printed (URLs, key=value lists) are masked as ***.",
            "",
            "exit codes: 0 probed, 2 usage error, 3 unreachable, not SQL Server or no answer in time");

    /**
     * The port to probe. A named instance without a port is where SQL Server Browser resolution plugs in; until
     * then it is the URL's port, 1433 by default, as {@link io.tlscompat.core.client.JdbcTarget} reads it.
     */
    static int port(ProbeOptions options) {
        return options.port();
    }

    @Override
    public String summary() {
        return "probe a SQL Server endpoint's TLS (versions, suites, certificate)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        ProbeOptions options;
        try {
            options = ProbeOptions.parse(args);
        } catch (UsageException e) {
            err.println("probe: " + e.getMessage());
            err.println(HELP);
            return ExitCodes.USAGE;
        }
        if (options.help()) {
            out.println(HELP);
            return ExitCodes.OK;
        }
        ProbeSettings settings = ProbeSettings.builder()
                .deadlineMillis(options.timeoutSeconds() * 1000L)
                .tds8(options.tds8())
                .build();
        ServerProfile profile;
        try {
            profile = new TdsProbe(settings).probe(options.host(), port(options));
        } catch (ProbeException e) {
            err.println("probe: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        // toJsonText() already ends with a newline: --json prints exactly the contract, nothing else.
        out.print(options.json() ? profile.toJsonText() : ProfileTable.render(profile));
        return ExitCodes.OK;
    }
}
