package io.tlscompat.agent.record;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The mssql-jdbc connection a handshake belongs to, so a record can be matched to the driver's
 * "ClientConnectionId:…" message and to the server's logs. Only the two TLS settings are read from the connection
 * properties; nothing else (passwords live in the same map).
 */
public final class JdbcContext {
    private final String driver;
    private final String version;
    private final String clientConnectionId;
    private final String encrypt;
    private final String trustServerCertificate;
    private final boolean tds8;
    private final Integer serverMajorVersion;
    private String peerHost;
    private int peerPort;

    public JdbcContext(String driver, String version, String clientConnectionId, String encrypt,
            String trustServerCertificate, boolean tds8, Integer serverMajorVersion) {
        this.driver = driver;
        this.version = version;
        this.clientConnectionId = clientConnectionId;
        this.encrypt = encrypt;
        this.trustServerCertificate = trustServerCertificate;
        this.tds8 = tds8;
        this.serverMajorVersion = serverMajorVersion;
    }

    public String driver() {
        return driver;
    }

    public String version() {
        return version;
    }

    public String clientConnectionId() {
        return clientConnectionId;
    }

    public String encrypt() {
        return encrypt;
    }

    public String trustServerCertificate() {
        return trustServerCertificate;
    }

    /** True for TDS 8 ("strict": TLS first), false for TDS 7.x (TLS inside PRELOGIN packets). */
    public boolean tds8() {
        return tds8;
    }

    /** The server's major version from its PRELOGIN response (e.g. 13 = SQL Server 2016), or null before it. */
    public Integer serverMajorVersion() {
        return serverMajorVersion;
    }

    /** The TCP peer the driver connected to, when the driver knows better than JSSE (jTDS passes port 0). */
    JdbcContext peer(String host, int port) {
        this.peerHost = host;
        this.peerPort = port;
        return this;
    }

    String peerHost() {
        return peerHost;
    }

    int peerPort() {
        return peerPort;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("driver", driver);
        m.put("version", version);
        m.put("clientConnectionId", clientConnectionId);
        m.put("encrypt", encrypt);
        m.put("trustServerCertificate", trustServerCertificate);
        m.put("tds", tds8 ? "8.0" : "7.x");
        m.put("serverMajorVersion", serverMajorVersion);
        return m;
    }
}
