package io.tlscompat.agent.cli;

import io.tlscompat.core.browser.InstanceResolver;
import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.client.JdbcUrlException;

import java.util.List;
import java.util.Locale;

/**
 * The parsed arguments of {@code probe [--json] [--timeout SECONDS] [--no-tds8] TARGET}. TARGET is
 * {@code HOST[:PORT]}, a pasted JDBC URL, or a URL's tail ({@code host[\instance][:port];key=value...}); URLs go
 * through core's {@link JdbcTarget} parser, the gate's, so both read host, port and instance alike. Immutable.
 */
final class ProbeOptions {
    /** SQL Server's default port. */
    static final int DEFAULT_PORT = 1433;
    /** The default overall deadline in seconds. */
    static final int DEFAULT_TIMEOUT_SECONDS = 20;

    static final String MISSING_TARGET = "missing HOST[:PORT] — e.g. probe db1.example.com:1433";
    static final String EXTRA_ARGUMENT = "unexpected argument '%s' — give exactly one HOST[:PORT]";
    static final String UNKNOWN_OPTION = "unknown option '%s' — see probe --help";
    static final String BAD_TIMEOUT = "--timeout needs a whole number of seconds from 1 to 3600, got '%s'";
    static final String BAD_PORT = "port '%s' in '%s' is not a number from 1 to 65535";
    static final String BAD_TARGET = "'%s' is not HOST[:PORT] — e.g. db1:1433 or [2001:db8::1]:1433";

    static final String BAD_INSTANCE = "'%s' names no instance after '\\' — e.g. 'db1\\SQLEXPRESS' (quote it in shells)";
    static final String BAD_BROWSER_PORT = "--browser-port needs a UDP port from 1 to 65535, got '%s'";
    private final boolean help;
    private final boolean json;
    private final int timeoutSeconds;
    private final boolean tds8;
    private final String host;
    private final int port;
    private final boolean portGiven;
    private final String instance;
    private int browserPort = InstanceResolver.BROWSER_PORT;

    private ProbeOptions(boolean help, boolean json, int timeoutSeconds, boolean tds8, String host, int port) {
        this(help, json, timeoutSeconds, tds8, host, port, true, null);
    }

    private ProbeOptions(boolean help, boolean json, int timeoutSeconds, boolean tds8, String host, int port,
            boolean portGiven, String instance) {
        this.help = help;
        this.json = json;
        this.timeoutSeconds = timeoutSeconds;
        this.tds8 = tds8;
        this.host = host;
        this.port = port;
        this.portGiven = portGiven;
        this.instance = instance;
    }

    /** @throws UsageException with a one-line reason when the arguments are wrong */
    static ProbeOptions parse(List<String> args) throws UsageException {
        boolean json = false;
        boolean tds8 = true;
        int timeout = DEFAULT_TIMEOUT_SECONDS;
        int browserPort = InstanceResolver.BROWSER_PORT;
        String target = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return new ProbeOptions(true, false, timeout, true, null, 0);
            } else if (arg.equals("--json")) {
                json = true;
            } else if (arg.equals("--no-tds8")) {
                tds8 = false;
            } else if (arg.equals("--timeout") || arg.startsWith("--timeout=")) {
                String value;
                if (arg.startsWith("--timeout=")) {
                    value = arg.substring("--timeout=".length());
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    value = "";
                }
                timeout = bounded(value, 1, 3600, BAD_TIMEOUT);
            } else if (arg.equals("--browser-port")) {
                String value = i + 1 < args.size() ? args.get(++i) : "";
                browserPort = bounded(value, 1, 65535, BAD_BROWSER_PORT);
            } else if (arg.startsWith("-") && !arg.equals("-")) {
                throw new UsageException(String.format(UNKNOWN_OPTION, arg));
            } else if (target != null) {
                throw new UsageException(String.format(EXTRA_ARGUMENT, arg));
            } else {
                target = arg;
            }
        }
        if (target == null) {
            throw new UsageException(MISSING_TARGET);
        }
        if (isUrl(target)) {
            JdbcTarget url;
            try {
                String lower = target.toLowerCase(Locale.ROOT);
                url = JdbcTarget.parse(lower.startsWith("jdbc:") ? target : "jdbc:sqlserver://" + target,
                        "the command line");
            } catch (JdbcUrlException e) {
                throw new UsageException(e.getMessage());
            }
            if (target.indexOf('\\') >= 0 && (url.instance() == null || url.instance().isEmpty())) {
                throw new UsageException(String.format(BAD_INSTANCE, target));
            }
            return new ProbeOptions(false, json, timeout, tds8, url.host(), url.port(), url.portGiven(),
                    url.instance()).withBrowserPort(browserPort);
        }
        String host;
        String portText = null;
        if (target.startsWith("[")) {
            int close = target.indexOf(']');
            if (close < 0 || (close + 1 < target.length() && target.charAt(close + 1) != ':')) {
                throw new UsageException(String.format(BAD_TARGET, target));
            }
            host = target.substring(1, close);
            if (close + 1 < target.length()) {
                portText = target.substring(close + 2);
            }
        } else if (target.indexOf(':') != target.lastIndexOf(':')) {
            host = target; // a bare IPv6 address: no port
        } else if (target.indexOf(':') >= 0) {
            host = target.substring(0, target.indexOf(':'));
            portText = target.substring(target.indexOf(':') + 1);
        } else {
            host = target;
        }
        if (host.isEmpty()) {
            throw new UsageException(String.format(BAD_TARGET, target));
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new UsageException(String.format(BAD_PORT, portText, target));
            }
        }
        return new ProbeOptions(false, json, timeout, tds8, host, port, portText != null, null)
                .withBrowserPort(browserPort);
    }

    private ProbeOptions withBrowserPort(int udpPort) {
        this.browserPort = udpPort;
        return this;
    }

    /** A JDBC URL, or what follows its {@code //}: properties after ';' or an instance after '\\'. */
    private static boolean isUrl(String target) {
        return target.toLowerCase(Locale.ROOT).startsWith("jdbc:") || target.indexOf(';') >= 0
                || target.indexOf('\\') >= 0;
    }

    /** {@code value} as a whole number from {@code min} to {@code max}, else the usage error {@code message}. */
    private static int bounded(String value, int min, int max, String message) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(String.format(message, value));
    }

    boolean help() {
        return help;
    }

    boolean json() {
        return json;
    }

    /** The overall deadline of the probe. */
    int timeoutSeconds() {
        return timeoutSeconds;
    }

    boolean tds8() {
        return tds8;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** False when the target named no port (the 1433 default; with an instance the real port may differ). */
    boolean portGiven() {
        return portGiven;
    }

    /** The named instance from a URL ({@code host\\SALES} or {@code instanceName=}), or null. */
    String instance() {
        return instance;
    }

    /** The SQL Server Browser's UDP port (1434 unless rehearsing against a simulator elsewhere). */
    int browserPort() {
        return browserPort;
    }
}
