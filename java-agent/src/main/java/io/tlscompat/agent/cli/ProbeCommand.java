package io.tlscompat.agent.cli;

import io.tlscompat.core.browser.BrowserException;
import io.tlscompat.core.browser.InstancePort;
import io.tlscompat.core.browser.InstanceResolver;
import io.tlscompat.core.probe.ProbeException;
import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;

import java.io.PrintStream;
import java.util.List;

/**
 * {@code probe [--json] [--timeout SECONDS] [--no-tds8] [--browser-port N] HOST[\INSTANCE][:PORT]|JDBC-URL}: what TLS
 * a SQL Server endpoint accepts.
 */
final class ProbeCommand implements Command {
    static final String HELP = String.join(System.lineSeparator(),
            "usage: java -jar tls-compat-agent.jar probe [--json] [--timeout SECONDS] [--no-tds8] [--browser-port N]",
            "       HOST[\\INSTANCE][:PORT]|JDBC-URL",
            "",
            "Probes a SQL Server endpoint's TLS over TDS 7.x (PRELOGIN-wrapped) and TDS 8 (strict):",
            "protocol versions, cipher suites and order, certificate, DHE/ECDHE groups, how it rejects.",
            "",
            "  --json              print the profile as JSON (the server-profile contract)",
            "  --timeout SECONDS   overall deadline, default " + ProbeOptions.DEFAULT_TIMEOUT_SECONDS,
            "  --no-tds8           skip the TDS 8 strict path",
            "  --browser-port N    UDP port of the SQL Server Browser, default " + InstanceResolver.BROWSER_PORT,
            "  HOST[:PORT]         default port " + ProbeOptions.DEFAULT_PORT,
            "  HOST\\INSTANCE       a named instance: its port comes from the SQL Server Browser unless given",
            "  JDBC-URL            a pasted URL (jdbc:sqlserver://host[\\instance][:port];...): host, port, instance",
            "",
            "Passwords in anything printed (URLs, key=value lists) are masked as ***.",
            "",
            "exit codes: 0 probed, 2 usage error, 3 unreachable, not SQL Server or no answer in time");

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
        int port = options.port();
        if (options.instance() != null && !options.portGiven()) {
            long deadline = System.nanoTime() + options.timeoutSeconds() * 1_000_000_000L;
            try {
                InstancePort p = new InstanceResolver(options.browserPort(), InstanceResolver.DEFAULT_TIMEOUT_MILLIS)
                        .resolve(options.host(), options.instance(), deadline);
                port = p.port();
                // stderr, so that --json prints exactly the contract on stdout
                err.println("probe: " + p.describe());
            } catch (BrowserException e) {
                err.println("probe: " + e.getMessage());
                return ExitCodes.UNREACHABLE;
            }
        }
        ServerProfile profile;
        try {
            profile = new TdsProbe(settings).probe(options.host(), port);
        } catch (ProbeException e) {
            err.println("probe: " + e.getMessage());
            return ExitCodes.UNREACHABLE;
        }
        // toJsonText() already ends with a newline: --json prints exactly the contract, nothing else.
        out.print(options.json() ? profile.toJsonText() : ProfileTable.render(profile));
        return ExitCodes.OK;
    }
}
