package io.tlscompat.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The real JDBC drivers the tests run, as copied by it/pom.xml into the directory named by the system property
 * {@code tlscompat.drivers.dir} (it/target/drivers).
 */
public enum JdbcDriver {
    /** The first release with {@code sslProtocol}; encrypt defaults to false. */
    MSSQL_6_4("mssql-jdbc-6.4.0.jre8.jar", "com.microsoft.sqlserver.jdbc.SQLServerDriver", "mssql-jdbc 6.4"),
    /** The last release line with {@code encrypt=false} by default. */
    MSSQL_9_4("mssql-jdbc-9.4.1.jre11.jar", "com.microsoft.sqlserver.jdbc.SQLServerDriver", "mssql-jdbc 9.4"),
    /** A current release: {@code encrypt=true} by default, so an untrusted certificate fails PKIX validation. */
    MSSQL_13_2("mssql-jdbc-13.2.1.jre11.jar", "com.microsoft.sqlserver.jdbc.SQLServerDriver", "mssql-jdbc 13.2"),
    /** The last line before IP-address SANs were checked (mssql-jdbc #2873, first in 13.3.1 / 13.4.0). */
    MSSQL_12_10("mssql-jdbc-12.10.2.jre11.jar", "com.microsoft.sqlserver.jdbc.SQLServerDriver", "mssql-jdbc 12.10"),
    /** The newest release on Central: checks IP-address SANs. */
    MSSQL_13_6("mssql-jdbc-13.6.2.jre11.jar", "com.microsoft.sqlserver.jdbc.SQLServerDriver", "mssql-jdbc 13.6"),
    /** jTDS: no silent TLS retry, accept-all trust manager with {@code ssl=require}. */
    JTDS_1_3_1("jtds-1.3.1.jar", "net.sourceforge.jtds.jdbc.Driver", "jTDS 1.3.1");

    /**
     * Whether this driver defaults to {@code encrypt=true} and validates the server certificate (mssql-jdbc 10.2 and
     * later), so a test that wants a handshake without a trusted certificate must say trustServerCertificate=true.
     */
    public boolean validatesByDefault() {
        return this == MSSQL_12_10 || this == MSSQL_13_2 || this == MSSQL_13_6;
    }

    /** Failure text when the drivers were not copied (e.g. a test run from an IDE without the Maven build). */
    public static final String MISSING_DRIVER =
            "JDBC driver jar %s not found in %s; run ./mvnw -B install (it/pom.xml copies the drivers there)";

    private final String jarName;
    private final String driverClass;
    private final String label;

    JdbcDriver(String jarName, String driverClass, String label) {
        this.jarName = jarName;
        this.driverClass = driverClass;
        this.label = label;
    }

    public String driverClass() {
        return driverClass;
    }

    public boolean isMicrosoft() {
        return this != JTDS_1_3_1;
    }

    /** The driver jar; throws with a one-line fix when it is missing. */
    public Path jar() {
        Path dir = Paths.get(System.getProperty("tlscompat.drivers.dir", "target/drivers"));
        Path jar = dir.resolve(jarName);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(String.format(MISSING_DRIVER, jarName, dir.toAbsolutePath()));
        }
        return jar;
    }

    /**
     * A JDBC URL for the simulator at localhost:port with short timeouts. The user and password are throwaway test
     * values; the simulator rejects every login, which is the "handshake worked" signal.
     *
     * @param encryptOptions driver-specific TLS options, e.g. {@code encrypt=true;trustServerCertificate=true} or
     *                       {@code ssl=require}
     */
    public String url(int port, String encryptOptions) {
        String opts = encryptOptions == null || encryptOptions.isEmpty() ? "" : ";" + encryptOptions;
        if (this == JTDS_1_3_1) {
            return "jdbc:jtds:sqlserver://localhost:" + port + "/master;user=tlscompat;password=not-a-secret"
                    + ";loginTimeout=10;socketTimeout=10" + opts;
        }
        return "jdbc:sqlserver://localhost:" + port + ";databaseName=master;user=tlscompat;password=not-a-secret"
                + ";loginTimeout=10" + opts;
    }

    @Override
    public String toString() {
        return label;
    }
}
