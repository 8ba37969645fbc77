package io.tlscompat.core.client;

import io.tlscompat.core.kb.DriverKnowledge;
import io.tlscompat.core.kb.KnowledgeBase;
import io.tlscompat.core.tls.TlsVersion;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a running JVM really did in one handshake: the host and port it connected to, the versions and suites its
 * ClientHello offered, and, when a driver made the connection, which driver and with which TLS settings. Turned
 * into a {@link ClientProfile} by the same {@link JavaClientProfiles} the gate uses, with the offer replaced by the
 * observed one, so that the agent judges a recorded handshake with the gate's engine ({@code Evaluator}).
 */
public final class ObservedClient {
    /** The profile name when no driver context was recorded (a plain SSLSocket or SSLEngine client). */
    public static final String NO_DRIVER_NAME = "this JVM (no driver context) on Java %s";

    private final String host;
    private final int port;
    private final List<String> offeredProtocols;
    private final List<String> offeredSuites;
    private String driverId;
    private String driverVersion;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private boolean tds8;

    /**
     * @param offeredProtocols the ClientHello's versions, JDK names, any order
     * @param offeredSuites    the ClientHello's suites, in the client's order
     */
    public ObservedClient(String host, int port, List<String> offeredProtocols, List<String> offeredSuites) {
        this.host = host;
        this.port = port;
        this.offeredProtocols = TlsVersion.bestFirst(offeredProtocols);
        this.offeredSuites = new ArrayList<>(offeredSuites);
    }

    /**
     * The driver that made the connection.
     *
     * @param id       the knowledge base's driver id ({@code mssql-jdbc}, {@code jtds}, {@code r2dbc-mssql}, …)
     * @param version  its version as the driver reports it, e.g. {@code 13.2.1.jre11}; null when unknown
     * @param settings its TLS settings, by their URL property names ({@code encrypt}, {@code trustServerCertificate},
     *                 {@code ssl}, …); never a password
     * @param tds8     true when it connected TLS-first (TDS 8, encrypt=strict)
     */
    public ObservedClient driver(String id, String version, Map<String, String> settings, boolean tds8) {
        this.driverId = id;
        this.driverVersion = version;
        this.settings.clear();
        this.settings.putAll(settings);
        this.tds8 = tds8;
        return this;
    }

    /**
     * The client profile of this handshake on the running JDK's policy.
     *
     * @param jdk        the policy of the JVM that made the handshake (DH limits, certificate constraints)
     * @param jvmOptions that JVM's {@code -Djavax.net.ssl.trustStore*} settings, as options
     * @param javaHome   that JVM's home, for its cacerts
     */
    public ClientProfile profile(JdkTlsPolicy jdk, List<String> jvmOptions, File javaHome) {
        DriverKnowledge knowledge = driverId == null ? null : KnowledgeBase.get().driver(driverId);
        ClientProfile.Builder b;
        if (knowledge != null && isModelled(driverId)) {
            JdbcTarget target = JdbcTarget.observed(driverId, host, port, settings);
            ClientDriver driver = new ClientDriver(knowledge, knowledge.groupId(), knowledge.artifactIds().get(0),
                    driverVersion == null ? "0" : driverVersion);
            b = JavaClientProfiles.build(target, driver, jdk, jvmOptions, javaHome).toBuilder();
        } else {
            String name = knowledge != null ? driverId + " " + driverVersion + " on Java " + jdk.javaVersion()
                    : String.format(NO_DRIVER_NAME, jdk.javaVersion());
            // What the record does not say (does it validate? against which store?) is left at "no validation":
            // the record's own words name a certificate failure; the model must not invent one.
            b = ClientProfile.builder(name, ClientProfile.Kind.JAVA)
                    .certificateConstraints(DisabledAlgorithms.parse(jdk.certpathDisabled().text() + ", "
                            + jdk.tlsDisabled().text()))
                    .minDhBits(jdk.minDhBits())
                    .maxDhBits(jdk.maxDhBits())
                    .hostnameToCheck(host);
        }
        // The offer this JVM really sent replaces the modelled one; the framing is the one really used.
        return b.protocols(offeredProtocols).suites(offeredSuites).strict(tds8).build();
    }

    /**
     * {@code modelled} with the offer a client really sent: what the gate does with its rehearsal's record.
     *
     * @param offeredProtocols the ClientHello's versions, JDK names, any order
     */
    public static ClientProfile withOffer(ClientProfile modelled, List<String> offeredProtocols,
            List<String> offeredSuites) {
        return modelled.toBuilder().protocols(TlsVersion.bestFirst(offeredProtocols)).suites(offeredSuites).build();
    }

    /** Drivers whose settings {@link JavaClientProfiles} models; others are judged on the observed offer only. */
    private static boolean isModelled(String id) {
        return id.equals("mssql-jdbc") || id.equals("jtds") || id.equals("r2dbc-mssql");
    }
}
