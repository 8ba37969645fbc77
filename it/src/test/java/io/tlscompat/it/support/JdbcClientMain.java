package io.tlscompat.it.support;

import io.tlscompat.core.json.Json;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The tiny JDBC client that {@link JdbcClient} runs in a forked JVM, one driver jar on its class path: it connects
 * {@code --repeat} times (default 1) and prints one JSON line per attempt on stdout, e.g.
 * {@code {"outcome":"login-failed","elapsedMillis":41,"exception":"...SQLServerException","message":"Login failed for user 'sa'.",...}}.
 *
 * <p>Why a forked JVM: several mssql-jdbc versions cannot share a class path, each scenario wants its own JDK, and
 * the agent engineer adds {@code -javaagent}. The password travels only in the JDBC URL and is never printed: drivers
 * do not echo it, and this class prints only exception classes and messages.
 *
 * <p>Usage: {@code JdbcClientMain DRIVER_CLASS JDBC_URL [REPEAT]}.
 */
public final class JdbcClientMain {
    /** The text SQL Server (and the simulator) sends for error 18456; reaching it means the TLS handshake worked. */
    public static final String LOGIN_FAILED_TEXT = "Login failed for user";
    /** SQL Server's error number for a failed login. */
    public static final int LOGIN_FAILED_ERROR = 18456;
    /**
     * System property: before exiting, wait (up to 30 s) until the tls-compat agent's MBean says it has written this
     * many records, so that an exit-time JFR dump holds the agent's events too (the JDK runs its shutdown hooks, JFR's
     * dump and the agent's drain, concurrently), and so that a failure's record, which waits for the agent's probe
     * (slow on a loaded machine), is not lost to the agent's bounded drain at exit.
     */
    public static final String AWAIT_AGENT_RECORDS = "tlscompat.it.awaitAgentRecords";

    private JdbcClientMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: JdbcClientMain DRIVER_CLASS JDBC_URL [REPEAT]");
            System.exit(2);
        }
        // Older drivers (jTDS 1.3.1) are not always found through the service loader on a modern JDK.
        Class.forName(args[0]);
        int repeat = args.length == 3 ? Integer.parseInt(args[2]) : 1;
        for (int i = 0; i < repeat; i++) {
            System.out.println(Json.write(attempt(args[1])));
        }
        System.out.flush();
        String awaited = System.getProperty(AWAIT_AGENT_RECORDS);
        if (awaited != null) {
            awaitAgentRecords(Long.parseLong(awaited));
        }
    }

    private static void awaitAgentRecords(long expected) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("tlscompat:type=Handshakes");
        long written = -1;
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            written = server.isRegistered(name) ? (Long) server.getAttribute(name, "RecordsWritten") : -1;
            if (written >= expected) {
                return;
            }
            Thread.sleep(20);
        }
        System.err.println("the agent wrote " + written + " of " + expected + " records within 10 s");
    }

    private static Map<String, Object> attempt(String url) {
        Map<String, Object> m = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            m.put("outcome", "ok");
            m.put("elapsedMillis", (System.nanoTime() - start) / 1_000_000);
            m.put("product", c.getMetaData().getDatabaseProductVersion());
        } catch (Throwable t) {
            m.put("outcome", isLoginFailed(t) ? "login-failed" : "exception");
            m.put("elapsedMillis", (System.nanoTime() - start) / 1_000_000);
            m.put("exception", t.getClass().getName());
            m.put("message", t.getMessage());
            if (t instanceof SQLException) {
                m.put("sqlState", ((SQLException) t).getSQLState());
                m.put("errorCode", ((SQLException) t).getErrorCode());
            }
            m.put("causes", causes(t));
        }
        return m;
    }

    private static boolean isLoginFailed(Throwable t) {
        if (t instanceof SQLException && ((SQLException) t).getErrorCode() == LOGIN_FAILED_ERROR) {
            return true;
        }
        return t.getMessage() != null && t.getMessage().contains(LOGIN_FAILED_TEXT);
    }

    /** The cause chain below {@code t} (SQLException's next-exception chain too), outermost first. */
    private static List<Map<String, Object>> causes(Throwable t) {
        List<Map<String, Object>> out = new ArrayList<>();
        Throwable c = t.getCause();
        if (c == null && t instanceof SQLException) {
            c = ((SQLException) t).getNextException();
        }
        // Bounded: cause chains can be cyclic in badly written drivers.
        for (int depth = 0; c != null && depth < 16; depth++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("exception", c.getClass().getName());
            e.put("message", c.getMessage());
            out.add(e);
            c = c.getCause() == c ? null : c.getCause();
        }
        return out;
    }
}
