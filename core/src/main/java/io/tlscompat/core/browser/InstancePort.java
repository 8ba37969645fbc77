package io.tlscompat.core.browser;

/** A named instance's TCP port as a SQL Server Browser gave it. Immutable. */
public final class InstancePort {
    /** How the port is reported: instance, port, Browser host. */
    public static final String RESOLVED = "instance %s \u2192 port %d, from the SQL Server Browser on %s";

    private final String host;
    private final String instance;
    private final int port;

    InstancePort(String host, String instance, int port) {
        this.host = host;
        this.instance = instance;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public String instance() {
        return instance;
    }

    /** The instance's TCP port. */
    public int port() {
        return port;
    }

    /** "instance SQLEXPRESS → port 49172, from the SQL Server Browser on db1". */
    public String describe() {
        return String.format(RESOLVED, instance, port, host);
    }

    @Override
    public String toString() {
        return describe();
    }
}
