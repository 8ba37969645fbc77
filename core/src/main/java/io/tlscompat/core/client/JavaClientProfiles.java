package io.tlscompat.core.client;

import io.tlscompat.core.kb.KnowledgeBase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the {@link ClientProfile} of this project's Java stack for one target: the driver's real defaults (from
 * the knowledge base) applied to the URL's properties, on the target JDK's policy.
 */
public final class JavaClientProfiles {
    /** Note when the project has no SQL Server driver among its runtime dependencies. */
    public static final String NOTE_NO_DRIVER = "no SQL Server JDBC driver among the runtime dependencies; judged as"
            + " a current %s with the URL's properties";
    /** Note when the URL asks for strict but the driver predates it. */
    public static final String NOTE_STRICT_UNSUPPORTED = "encrypt=strict needs mssql-jdbc 11.2.0 or later; %s treats"
            + " it as encrypt=true";
    /** Note when sslProtocol is set on a driver that ignores it. */
    public static final String NOTE_SSLPROTOCOL_IGNORED = "sslProtocol is ignored before mssql-jdbc 6.4.0; the driver"
            + " uses SSLContext \"TLS\"";
    /** Note when the JDK has no such SSLContext. */
    public static final String NOTE_NO_CONTEXT = "this JDK has no SSLContext \"%s\"; the driver will fail before"
            + " sending anything";
    /** Note for jTDS ssl=off. */
    public static final String NOTE_JTDS_NO_TLS = "jTDS ssl=off does no TLS at all: the login (and password) travel"
            + " in clear text";
    /** Note for the instance name. */
    public static final String NOTE_INSTANCE = "instance '%s' without a port: probing %d; name the port in the URL"
            + " if the instance listens elsewhere";

    /** Note for an r2dbc-mssql URL without ssl=true: only the login is encrypted, and no certificate is checked. */
    public static final String NOTE_R2DBC_LOGIN_ONLY = "r2dbc-mssql without ssl=true encrypts the login only and"
            + " trusts any server certificate";

    /** The r2dbc-mssql version assumed when no client library is found. */
    static final String CURRENT_R2DBC_MSSQL = "1.0.5";

    /** The mssql-jdbc version assumed when no driver is found: the knowledge base's newest facts apply. */
    static final String CURRENT_MSSQL_JDBC = "13.6.2";

    private JavaClientProfiles() {
    }

    /**
     * @param driver the project's driver, or null when none was found (the URL's flavour is then assumed at its
     *               current version)
     */
    public static ClientProfile build(JdbcTarget target, ClientDriver driver, JdkTlsPolicy jdk) {
        return build(target, driver, jdk, java.util.Collections.<String>emptyList(), null);
    }

    /**
     * @param jvmOptions the application's {@code -D} options (for {@code -Djavax.net.ssl.trustStore*})
     * @param javaHome   the target JDK's home (for its cacerts), or null for the JDK running the build
     */
    public static ClientProfile build(JdbcTarget target, ClientDriver driver, JdkTlsPolicy jdk,
            List<String> jvmOptions, java.io.File javaHome) {
        KnowledgeBase kb = KnowledgeBase.get();
        List<String> notes = new ArrayList<>();
        ClientDriver d = driver;
        if (d == null) {
            boolean jtds = target.flavour().equals("jtds");
            if (target.flavour().equals("r2dbc-mssql")) {
                d = new ClientDriver(kb.driver("r2dbc-mssql"), "io.r2dbc", "r2dbc-mssql", CURRENT_R2DBC_MSSQL);
            } else {
                d = jtds ? new ClientDriver(kb.driver("jtds"), "net.sourceforge.jtds", "jtds", "1.3.1")
                        : new ClientDriver(kb.driver("mssql-jdbc"), "com.microsoft.sqlserver", "mssql-jdbc",
                                CURRENT_MSSQL_JDBC);
            }
            notes.add(String.format(NOTE_NO_DRIVER, d.id()));
        }
        if (target.portSource() != null) {
            notes.add(target.portSource());
        } else if (target.instance() != null && !target.portGiven()) {
            notes.add(String.format(NOTE_INSTANCE, target.instance(), target.port()));
        }
        String name = d.id() + " " + d.version() + " on Java " + jdk.javaVersion();
        ClientProfile.Builder b = ClientProfile.builder(name, ClientProfile.Kind.JAVA)
                .detail("url", target.redactedUrl())
                .detail("urlOrigin", target.origin())
                .detail("driver", driver == null ? null : driver.coordinates())
                .detail("driverTlsStack", d.knowledge().tlsStack())
                .detail("jdk", jdk.toJson())
                .certificateConstraints(DisabledAlgorithms.parse(jdk.certpathDisabled().text() + ", "
                        + jdk.tlsDisabled().text()))
                .minDhBits(jdk.minDhBits())
                .maxDhBits(jdk.maxDhBits())
                .suites(jdk.suites());
        String hostname = target.property("hostNameInCertificate");
        b.hostnameToCheck(hostname != null && !hostname.isEmpty() ? hostname : target.host());
        b.trustConfigured(target.property("trustStore") != null || target.property("serverCertificate") != null
                || target.property("trustManagerClass") != null);
        TrustStoreSelection store = TrustStoreSelection.select(target, jvmOptions, javaHome);
        if (target.flavour().equals("r2dbc-mssql")) {
            // r2dbc-mssql's trustStore options are mssql-jdbc's; without them its SSLContext uses the JVM's store
            b.trustStore(store);
            r2dbc(b, target, jdk, notes);
        } else if (d.id().equals("jtds")) {
            // jTDS has no trustStore property; ssl=authenticate uses the JVM's default SSLSocketFactory.
            b.trustStore(TrustStoreSelection.selectFromJvm(jvmOptions, javaHome))
                    .checksHostName(!d.has("noHostnameCheck"));
            jtds(b, target, jdk, notes);
        } else {
            b.trustStore(store).checksIpAddressSans(d.has("ipAddressSan"));
            String pinned = target.property("serverCertificate");
            if (pinned != null && !pinned.isEmpty()) {
                b.pinnedCertificate(pinned);
            }
            mssqlJdbc(b, target, d, jdk, notes);
        }
        for (String n : notes) {
            b.note(n);
        }
        return b.build();
    }

    private static void mssqlJdbc(ClientProfile.Builder b, JdbcTarget target, ClientDriver d, JdkTlsPolicy jdk,
            List<String> notes) {
        boolean strictCapable = d.has("strict");
        b.strictCapable(strictCapable);
        String encrypt = target.property("encrypt");
        boolean encryptDefaultTrue = d.has("encryptDefaultTrue");
        String e = encrypt == null ? (encryptDefaultTrue ? "true" : "false") : encrypt.toLowerCase(Locale.ROOT);
        boolean strict = e.equals("strict");
        if (strict && !strictCapable) {
            notes.add(String.format(NOTE_STRICT_UNSUPPORTED, d.coordinates()));
            strict = false;
            e = "true";
        }
        boolean on = strict || e.equals("true") || e.equals("mandatory") || e.equals("yes");
        boolean tsc = "true".equalsIgnoreCase(target.property("trustServerCertificate"));
        b.strict(strict).requestsEncryption(on);
        if (strict) {
            // strict ignores trustServerCertificate (mssql-jdbc SQLServerConnection.java, "ignore ... for strict")
            b.validation(CertificateValidation.ALWAYS);
        } else if (tsc) {
            b.validation(CertificateValidation.NEVER);
        } else if (on) {
            b.validation(CertificateValidation.ALWAYS);
        } else {
            b.validation(encryptDefaultTrue ? CertificateValidation.WHEN_SERVER_FORCES : CertificateValidation.NEVER);
        }
        String sslProtocol = target.property("sslProtocol");
        if (sslProtocol != null && !d.has("sslProtocol")) {
            notes.add(NOTE_SSLPROTOCOL_IGNORED);
            sslProtocol = null;
        }
        String label = sslProtocol == null ? "TLS" : sslProtocol;
        b.sslProtocol(label);
        List<String> protocols = jdk.protocolsByContext().get(label);
        if (protocols == null) {
            notes.add(String.format(NOTE_NO_CONTEXT, label));
            protocols = new ArrayList<>();
        }
        b.protocols(protocols);
    }

    private static void jtds(ClientProfile.Builder b, JdbcTarget target, JdkTlsPolicy jdk, List<String> notes) {
        String ssl = target.property("ssl");
        String mode = ssl == null ? "off" : ssl.toLowerCase(Locale.ROOT);
        b.strictCapable(false).sslProtocol("TLS").protocols(jdk.protocolsFor("TLS"));
        if (mode.equals("off")) {
            notes.add(NOTE_JTDS_NO_TLS);
            b.usesTls(false);
        }
        b.requestsEncryption(mode.equals("require") || mode.equals("authenticate"));
        b.validation(mode.equals("authenticate") ? CertificateValidation.ALWAYS : CertificateValidation.NEVER);
    }

    /**
     * r2dbc-mssql (MssqlConnectionConfiguration.DefaultClientConfiguration#getSslContext): TLS inside TDS 7.x
     * PRELOGIN, through Netty's SslHandler on the JDK's engine. {@code ssl=true} encrypts the whole connection and
     * validates the certificate against {@code hostNameInCertificate} (default: the host) unless
     * {@code trustServerCertificate=true}; without it, only the login is encrypted with a trust-all manager.
     */
    private static void r2dbc(ClientProfile.Builder b, JdbcTarget target, JdkTlsPolicy jdk, List<String> notes) {
        boolean ssl = "true".equalsIgnoreCase(target.property("ssl"));
        boolean tsc = "true".equalsIgnoreCase(target.property("trustServerCertificate"));
        b.strictCapable(false).sslProtocol("TLS").protocols(jdk.protocolsFor("TLS"));
        b.requestsEncryption(ssl);
        b.validation(ssl && !tsc ? CertificateValidation.ALWAYS : CertificateValidation.NEVER);
        if (!ssl) {
            notes.add(NOTE_R2DBC_LOGIN_ONLY);
        }
    }
}
