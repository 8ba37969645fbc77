package io.tlscompat.core.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL Server target as a JDBC URL says it: driver flavour, host, port, instance and the TLS-relevant properties
 * (keys lower-cased). Passwords never enter its properties: {@link #parse} drops every property whose name contains
 * "password" and {@link #redactedUrl()} is the only form that is ever printed. The one exception is kept apart:
 * {@link #trustStorePassword()}, which the gate needs to open the trust store the driver will open; it is never
 * printed, never in {@link #properties()} and never in the report.
 */
public final class JdbcTarget {
    /** The URL forms accepted, for error messages. */
    public static final String VALID_FORMS = "jdbc:sqlserver://host[\\instance][:port][;property=value...]"
            + " or jdbc:jtds:sqlserver://host[:port][/database][;property=value...]"
            + " or r2dbc:mssql://[user[:password]@]host[:port][/database][?option=value&...]";
    /** Message for a URL that is not a SQL Server JDBC URL: redacted URL, valid forms. */
    public static final String MSG_NOT_SQLSERVER = "'%s' is not a SQL Server JDBC URL; expected %s";
    /** Message for a bad port. */
    public static final String MSG_BAD_PORT = "'%s' has port '%s'; expected a number from 1 to 65535";
    /** Message for a missing host. */
    public static final String MSG_NO_HOST = "'%s' names no server; expected %s";

    /** Default SQL Server port. */
    public static final int DEFAULT_PORT = 1433;

    /**
     * A password-like key and its value: a whole {braced} value (which may hold ';'), else up to the next ';' or
     * line end. Masking too much (a quote or message text after the value) is the safe side of not knowing where
     * a password ends.
     */
    private static final Pattern SECRET = Pattern.compile(
            "(?i)((?:[a-z.]*password|pwd|[a-z.]*secret|accesstoken)[ \\t]*=[ \\t]*)(?:\\{[^}\\r\\n]*\\}?|[^;\\r\\n]*)");
    /** The password in a URL's user info: scheme://user:password@host. */
    private static final Pattern USER_INFO = Pattern.compile("(://[^/@:;\\s]*:)[^/@;\\s]*@");
    /** The r2dbc URL schemes r2dbc-mssql registers (driver {@code mssql} or {@code sqlserver}), pooled or not. */
    private static final Pattern R2DBC = Pattern.compile("(?i)^r2dbc:(?:pool:)?(?:mssql|sqlserver)://");

    private final String flavour;
    private final String host;
    private final int port;
    private final boolean portGiven;
    private final String instance;
    private final Map<String, String> properties;
    private final String redactedUrl;
    private final String origin;
    private final String portSource;
    private char[] trustStorePassword;

    private JdbcTarget(String flavour, String host, int port, boolean portGiven, String instance,
            Map<String, String> properties, String redactedUrl, String origin) {
        this(flavour, host, port, portGiven, instance, properties, redactedUrl, origin, null);
    }

    private JdbcTarget(String flavour, String host, int port, boolean portGiven, String instance,
            Map<String, String> properties, String redactedUrl, String origin, String portSource) {
        this.portSource = portSource;
        this.flavour = flavour;
        this.host = host;
        this.port = port;
        this.portGiven = portGiven;
        this.instance = instance;
        this.properties = Collections.unmodifiableMap(properties);
        this.redactedUrl = redactedUrl;
        this.origin = origin;
    }

    /**
     * Replaces password values with {@code ***} in any text that holds a URL or a {@code key=value} list: JDBC
     * properties ({@code password=}, {@code trustStorePassword=}, {@code pwd=}, braced values), secrets and access
     * tokens, and the password of {@code scheme://user:password@host}. The one masking rule of every printed line.
     */
    public static String redact(String url) {
        if (url == null) {
            return null;
        }
        return USER_INFO.matcher(SECRET.matcher(url).replaceAll("$1***")).replaceAll("$1***@");
    }

    /**
     * Parses a mssql-jdbc or jTDS URL.
     *
     * @param origin where the URL was found, e.g. "pom.xml &lt;targets&gt;" or "src/main/resources/application.yml"
     * @throws JdbcUrlException with a one-line reason
     */
    public static JdbcTarget parse(String url, String origin) {
        String redacted = redact(url == null ? "" : url.trim());
        String u = url == null ? "" : url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlserver://")) {
            return parseMssql(u.substring("jdbc:sqlserver://".length()), redacted, origin);
        }
        if (lower.startsWith("jdbc:jtds:sqlserver://")) {
            return parseJtds(u.substring("jdbc:jtds:sqlserver://".length()), redacted, origin);
        }
        Matcher r2dbc = R2DBC.matcher(u);
        if (r2dbc.find()) {
            return parseR2dbc(u.substring(r2dbc.end()), redacted, origin);
        }
        throw new JdbcUrlException(String.format(MSG_NOT_SQLSERVER, redacted, VALID_FORMS));
    }

    /** True when this text is written as a SQL Server URL of a client the gate knows (it may still be malformed). */
    public static boolean looksLikeSqlServerUrl(String text) {
        String lower = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:sqlserver:") || lower.startsWith("jdbc:jtds:sqlserver:")
                || R2DBC.matcher(lower).find() || lower.startsWith("r2dbc:mssql:");
    }

    /**
     * r2dbc-mssql's URL, as r2dbc-spi's ConnectionUrlParser reads it: user info, host, port, database, and query
     * options (ssl, trustServerCertificate, hostNameInCertificate, trustStore... as MssqlConnectionFactoryProvider
     * names them). The user info is dropped: it carries the password.
     */
    private static JdbcTarget parseR2dbc(String rest, String redacted, String origin) {
        String authority = rest;
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            authority = rest.substring(0, q);
            query = rest.substring(q + 1);
        }
        int slash = authority.indexOf('/');
        if (slash >= 0) {
            authority = authority.substring(0, slash);
        }
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String server = authority.trim();
        String portText = null;
        int colon = server.lastIndexOf(':');
        if (colon >= 0 && (!server.startsWith("[") || server.lastIndexOf(']') < colon)) {
            portText = server.substring(colon + 1);
            server = server.substring(0, colon);
        }
        if (server.startsWith("[") && server.endsWith("]")) {
            server = server.substring(1, server.length() - 1);
        }
        if (server.isEmpty()) {
            throw new JdbcUrlException(String.format(MSG_NO_HOST, redacted, VALID_FORMS));
        }
        Map<String, String> props = properties(query.split("&"), 0);
        return new JdbcTarget("r2dbc-mssql", percentDecode(server), port(portText, redacted), portText != null,
                null, props, redacted, origin);
    }

    private static String percentDecode(String s) {
        try {
            return java.net.URLDecoder.decode(s.replace("+", "%2B"), "UTF-8");
        } catch (java.io.UnsupportedEncodingException | IllegalArgumentException e) {
            return s;
        }
    }

    private static JdbcTarget parseMssql(String rest, String redacted, String origin) {
        String[] parts = splitOutsideBraces(rest);
        Map<String, String> props = properties(parts, 1);
        char[] trustStorePassword = secret(parts, "truststorepassword");
        String server = parts[0].trim();
        if (server.isEmpty()) {
            server = props.containsKey("servername") ? props.get("servername") : "";
        }
        String portText = null;
        int colon = server.lastIndexOf(':');
        if (colon >= 0 && !server.startsWith("[")) {
            portText = server.substring(colon + 1);
            server = server.substring(0, colon);
        }
        String instance = props.get("instancename");
        int backslash = server.indexOf('\\');
        if (backslash >= 0) {
            instance = server.substring(backslash + 1);
            server = server.substring(0, backslash);
        }
        if (portText == null && props.containsKey("portnumber")) {
            portText = props.get("portnumber");
        }
        if (server.isEmpty()) {
            throw new JdbcUrlException(String.format(MSG_NO_HOST, redacted, VALID_FORMS));
        }
        int port = port(portText, redacted);
        JdbcTarget t = new JdbcTarget("mssql-jdbc", server, port, portText != null, instance, props, redacted,
                origin);
        t.trustStorePassword = trustStorePassword;
        return t;
    }

    private static JdbcTarget parseJtds(String rest, String redacted, String origin) {
        String[] parts = rest.split(";");
        Map<String, String> props = properties(parts, 1);
        String server = parts[0].trim();
        int slash = server.indexOf('/');
        if (slash >= 0) {
            server = server.substring(0, slash);
        }
        String portText = null;
        int colon = server.lastIndexOf(':');
        if (colon >= 0) {
            portText = server.substring(colon + 1);
            server = server.substring(0, colon);
        }
        if (server.isEmpty()) {
            throw new JdbcUrlException(String.format(MSG_NO_HOST, redacted, VALID_FORMS));
        }
        return new JdbcTarget("jtds", server, port(portText, redacted), portText != null, props.get("instance"),
                props, redacted, origin);
    }

    /** The value of one secret property, or null; only ever handed to KeyStore.load. */
    private static char[] secret(String[] parts, String name) {
        char[] value = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals(name)) {
                String v = p.substring(eq + 1).trim();
                if (v.startsWith("{") && v.endsWith("}")) {
                    v = v.substring(1, v.length() - 1);
                }
                value = v.toCharArray();
            }
        }
        return value;
    }

    /** A copy of the URL's trustStorePassword for KeyStore.load, or null; never print it. */
    public char[] trustStorePassword() {
        return trustStorePassword == null ? null : trustStorePassword.clone();
    }

    /**
     * mssql-jdbc's property list: ';' separates properties except inside a {braced} value, which may hold ';'
     * (a password such as {p;w}).
     */
    private static String[] splitOutsideBraces(String rest) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean braced = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '{') {
                braced = true;
            } else if (c == '}') {
                braced = false;
            }
            if (c == ';' && !braced) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts.toArray(new String[0]);
    }

    private static Map<String, String> properties(String[] parts, int from) {
        Map<String, String> props = new LinkedHashMap<>();
        for (int i = from; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (key.contains("password") || key.equals("pwd") || key.contains("secret") || key.equals("accesstoken")) {
                continue; // never keep secrets
            }
            String value = p.substring(eq + 1).trim();
            if (value.startsWith("{") && value.endsWith("}")) {
                value = value.substring(1, value.length() - 1);
            }
            props.put(key, value);
        }
        return props;
    }

    private static int port(String text, String redacted) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            int p = Integer.parseInt(text.trim());
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message
        }
        throw new JdbcUrlException(String.format(MSG_BAD_PORT, redacted, text));
    }

    /** {@code mssql-jdbc}, {@code jtds} or {@code r2dbc-mssql}: which URL syntax (and property names) this is. */
    public String flavour() {
        return flavour;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** False when the port is the 1433 default (with an instance name the real port may differ). */
    public boolean portGiven() {
        return portGiven;
    }

    /**
     * Whether the driver asks the SQL Server Browser (UDP 1434) for this target's port. mssql-jdbc does when the URL
     * names an instance and no port ({@code SQLServerConnection.primaryPermissionCheck} asks only when the port is
     * 0, so an explicit port wins); jTDS does whenever the URL names an instance ({@code ConnectionJDBC2}'s
     * constructor replaces the port with {@code MSSqlServerInfo.getPortForInstance}, so the instance wins).
     */
    public boolean asksBrowser() {
        if (instance == null || instance.isEmpty() || portSource != null) {
            return false;
        }
        return flavour.equals("jtds") || !portGiven;
    }

    /**
     * This target on the port a SQL Server Browser gave.
     *
     * @param source where the port came from, reported as is, e.g. "instance SQLEXPRESS → port 49172, from the
     *               SQL Server Browser on db1"
     */
    public JdbcTarget withResolvedPort(int resolvedPort, String source) {
        JdbcTarget resolved = new JdbcTarget(flavour, host, resolvedPort, true, instance,
                new LinkedHashMap<>(properties), redactedUrl, origin, source);
        resolved.trustStorePassword = trustStorePassword;
        return resolved;
    }

    /**
     * A connection a running driver really made, described by its own settings rather than by a URL: the agent
     * judges a handshake it recorded with the same {@link JavaClientProfiles} the gate uses.
     *
     * @param flavour    {@code mssql-jdbc}, {@code jtds} or {@code r2dbc-mssql}
     * @param properties the TLS settings the driver used (encrypt, trustServerCertificate, ssl…), never a password
     */
    public static JdbcTarget observed(String flavour, String host, int port, Map<String, String> properties) {
        Map<String, String> props = new LinkedHashMap<>();
        StringBuilder display = new StringBuilder(flavour).append("://").append(host).append(':').append(port);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getValue() != null) {
                props.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
                display.append(';').append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return new JdbcTarget(flavour, host, port, true, null, props, redact(display.toString()),
                "the observed connection");
    }

    /** Where the port came from when a SQL Server Browser gave it, else null (the URL or the 1433 default). */
    public String portSource() {
        return portSource;
    }

    /** Named instance, or null. */
    public String instance() {
        return instance;
    }

    /** A property by lower-case name, or null. */
    public String property(String name) {
        return properties.get(name.toLowerCase(Locale.ROOT));
    }

    /** Password-free properties. */
    public Map<String, String> properties() {
        return properties;
    }

    /** The URL with passwords replaced by ***. */
    public String redactedUrl() {
        return redactedUrl;
    }

    /** Where the URL came from. */
    public String origin() {
        return origin;
    }

    /**
     * What makes two URLs the same target before any SQL Server Browser is asked: {@code host\instance} when the
     * driver will ask the Browser for the port (so {@code db1\A} and {@code db1\B} stay two targets), else
     * {@link #address()}.
     */
    public String key() {
        return asksBrowser() ? host + "\\" + instance : address();
    }

    /** "host:port", the report's target key. */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return redactedUrl;
    }
}
