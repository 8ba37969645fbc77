package io.tlscompat.core.client;

import io.tlscompat.core.json.Json;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The gate's rehearsal: run on the target JDK with the project's own driver jar (and the tls-compat agent recording
 * the handshake), open one connection with a throw-away login name and an empty password, and print how it ended on
 * one line, {@value #MARKER} followed by JSON. In the gate's default {@code handshake} mode the agent
 * ({@code rehearsal=handshake}, honoured only when this class is the main class) closes the socket as soon as the
 * TLS handshake completes, so the driver fails before LOGIN7 and the server sees no login at all. In {@code login}
 * mode the server's log shows one failed login, and a handshake followed by "Login failed" is the passing outcome.
 * Compiled for Java 8.
 */
public final class RehearsalMain {
    /** The result line starts with this. */
    public static final String MARKER = "TLSCOMPAT-REHEARSAL ";
    /** The fourth argument when the URL's trust-store password follows on standard input (one line). */
    public static final String PASSWORD_ON_STDIN = "--trust-store-password-on-stdin";

    private RehearsalMain() {
    }

    /**
     * @param args the JDBC URL (password-free), the login name, the login timeout in seconds, and optionally
     *             {@value #PASSWORD_ON_STDIN}
     */
    public static void main(String[] args) {
        Map<String, Object> result = new LinkedHashMap<>();
        boolean storePassword = args.length == 4 && PASSWORD_ON_STDIN.equals(args[3]);
        if (args.length != 3 && !storePassword) {
            result.put("outcome", "usage");
            result.put("message", "usage: RehearsalMain URL LOGIN TIMEOUT_SECONDS [" + PASSWORD_ON_STDIN + "]");
            System.out.println(MARKER + Json.write(result));
            return;
        }
        Properties props = new Properties();
        props.setProperty("user", args[1]);
        props.setProperty("password", "");
        if (storePassword) {
            // The driver reads trustStorePassword from the properties when the URL does not name it.
            try {
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, "UTF-8"))
                        .readLine();
                props.setProperty("trustStorePassword", line == null ? "" : line);
            } catch (java.io.IOException e) {
                result.put("outcome", "crash");
                result.put("message", "cannot read the trust-store password from standard input");
                System.out.println(MARKER + Json.write(result));
                return;
            }
        }
        DriverManager.setLoginTimeout(Integer.parseInt(args[2]));
        try (Connection ignored = DriverManager.getConnection(args[0], props)) {
            result.put("outcome", "connected");
        } catch (SQLException e) {
            result.put("outcome", "sql-exception");
            result.put("sqlState", e.getSQLState());
            result.put("errorCode", e.getErrorCode());
            result.put("message", firstLine(e.getMessage()));
        } catch (RuntimeException | LinkageError e) {
            result.put("outcome", "crash");
            result.put("message", e.getClass().getName() + ": " + firstLine(e.getMessage()));
        }
        System.out.println(MARKER + Json.write(result));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return JdbcTarget.redact(nl < 0 ? s : s.substring(0, nl));
    }
}
