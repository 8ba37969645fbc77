package io.tlscompat.core.client;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trust store mssql-jdbc will really validate the server certificate against, chosen the way its
 * {@code IOBuffer.enableSSL}/{@code loadTrustStore} chooses (mssql-jdbc v13.4.0
 * src/main/java/com/microsoft/sqlserver/jdbc/IOBuffer.java): the URL's {@code trustStore}, else the
 * {@code javax.net.ssl.trustStore} system property, else the JDK's {@code jssecacerts}, else its {@code cacerts}.
 * The type follows the same order ({@code trustStoreType}, {@code javax.net.ssl.trustStoreType}, default "JKS",
 * which a JDK 9+ KeyStore also reads as PKCS12). A file that does not exist is an empty store: the driver then
 * trusts nothing. The password is kept for loading only; {@link #toJson()} and {@link #toString()} never show it.
 */
public final class TrustStoreSelection {
    /** Where the choice came from, for the report. */
    public static final String FROM_URL = "the URL's trustStore";
    /** The store named by -Djavax.net.ssl.trustStore in targetJvmOptions. */
    public static final String FROM_JVM_OPTIONS = "-Djavax.net.ssl.trustStore in targetJvmOptions";
    /** The JDK's own store. */
    public static final String FROM_JDK = "the target JDK's jssecacerts/cacerts";

    private final File file;
    private final String type;
    private final char[] password;
    private final String origin;

    TrustStoreSelection(File file, String type, char[] password, String origin) {
        this.file = file;
        this.type = type;
        this.password = password == null ? null : password.clone();
        this.origin = origin;
    }

    /**
     * @param target     the JDBC URL (its trustStore, trustStoreType, trustStorePassword properties)
     * @param jvmOptions the application's {@code -Dname=value} options
     * @param javaHome   the target JDK's home, or null for the JDK running this code
     */
    public static TrustStoreSelection select(JdbcTarget target, List<String> jvmOptions, File javaHome) {
        return select(nonEmpty(target.property("trustStore")), nonEmpty(target.property("trustStoreType")),
                target.trustStorePassword(), jvmOptions, javaHome);
    }

    /** The JVM's default store, for a driver with no trust-store properties of its own (jTDS). */
    public static TrustStoreSelection selectFromJvm(List<String> jvmOptions, File javaHome) {
        return select(null, null, null, jvmOptions, javaHome);
    }

    private static TrustStoreSelection select(String urlStore, String urlType, char[] urlPassword,
            List<String> jvmOptions, File javaHome) {
        String propStore = nonEmpty(systemProperty(jvmOptions, "javax.net.ssl.trustStore"));
        String propType = nonEmpty(systemProperty(jvmOptions, "javax.net.ssl.trustStoreType"));
        String type = urlType != null ? urlType : propType != null ? propType : "JKS";
        // Without a URL password the driver leaves the store to JSSE's default trust manager, which opens it with
        // -Djavax.net.ssl.trustStorePassword (a PKCS12 store's certificates are encrypted under it).
        char[] password = urlPassword != null ? urlPassword
                : chars(systemProperty(jvmOptions, "javax.net.ssl.trustStorePassword"));
        if (urlStore != null) {
            return new TrustStoreSelection(new File(urlStore), type, password, FROM_URL);
        }
        if (propStore != null) {
            return new TrustStoreSelection(new File(propStore), type, password, FROM_JVM_OPTIONS);
        }
        File home = javaHome != null ? javaHome : new File(System.getProperty("java.home"));
        File security = new File(home, "lib/security");
        if (!security.isDirectory()) {
            security = new File(home, "jre/lib/security"); // a Java 8 JDK
        }
        File jsse = new File(security, "jssecacerts");
        File store = jsse.isFile() ? jsse : new File(security, "cacerts");
        return new TrustStoreSelection(store, type, password, FROM_JDK);
    }

    /** The value of {@code -Dname=value} in the options (the last one wins, as on a java command line), or null. */
    static String systemProperty(List<String> jvmOptions, String name) {
        String value = null;
        if (jvmOptions != null) {
            for (String o : jvmOptions) {
                if (o != null && o.startsWith("-D" + name + "=")) {
                    value = o.substring(name.length() + 3);
                }
            }
        }
        return value;
    }

    private static String nonEmpty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static char[] chars(String s) {
        return s == null ? null : s.toCharArray();
    }

    /** The store file (which may not exist: then it trusts nothing). */
    public File file() {
        return file;
    }

    /** The KeyStore type the driver asks for. */
    public String type() {
        return type;
    }

    /** A copy of the password for KeyStore.load, or null; never print it. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    /** One of {@link #FROM_URL}, {@link #FROM_JVM_OPTIONS}, {@link #FROM_JDK}. */
    public String origin() {
        return origin;
    }

    /** The report's view: path, type, origin and whether a password was given, never the password. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", file.getPath());
        m.put("type", type);
        m.put("origin", origin);
        m.put("exists", file.isFile());
        m.put("passwordGiven", password != null);
        return m;
    }

    @Override
    public String toString() {
        return file.getPath() + " (" + type + ", " + origin + ")";
    }
}
