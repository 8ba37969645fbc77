package io.tlscompat.core.probe;

/** Every user-facing probe message, as format strings; tests assert them. Each is one line and names the fix. */
public final class ProbeMessages {
    /** %1$s host:port, %2$s the system's reason (e.g. "Connection refused"). */
    public static final String UNREACHABLE = "cannot connect to %s: %s — check host, port and firewall";
    /** %1$s host:port, %2$s what came back instead of a PRELOGIN reply. */
    public static final String NOT_TDS = "%s is not SQL Server: %s — check that the port is the SQL Server port "
            + "(default 1433)";
    /** %1$s host:port, %2$d milliseconds. */
    public static final String SILENT = "%s accepted the connection but did not answer PRELOGIN within %d ms — check "
            + "that it is SQL Server and not overloaded, or raise the timeout";
    /** %1$s host:port, %2$d milliseconds. */
    public static final String DEADLINE = "probing %s did not finish within %d ms — raise the timeout or check the "
            + "server's load";
    /** The detail of {@link #NOT_TDS} when neither path got an answer. */
    public static final String REFUSED_BOTH = "it closed or reset both a TDS PRELOGIN and a TLS ClientHello";
    /** %1$s host:port; when only the TDS 7.x path was probed and the PRELOGIN was refused. */
    public static final String PRELOGIN_REFUSED = "%s closed or reset the TDS PRELOGIN: it may accept only TDS 8 "
            + "strict connections (Force Strict Encryption) — probe again without --no-tds8";

    /** %1$s host:port, %2$d packets, %3$s when ("in its PRELOGIN reply", "during the TLS handshake"). */
    public static final String NO_PROGRESS = "%1$s sent %2$d TDS packets without payload %3$s, which SQL Server never "
            + "does — check that the port is the SQL Server port (default 1433) and not a proxy or another service";

    /** ServerProfile note sentence for answers that ended a walk as malformed TLS: %1$s path, %2$s versions. */
    public static final String NOTE_MALFORMED_ANSWER = "On the %s path the server answered ClientHellos for "
            + "%s with malformed TLS, so those versions are shown as not accepted";
    /** ServerProfile note sentence for an accepted answer whose flight broke later: %1$s path, %2$s versions. */
    public static final String NOTE_MALFORMED_FLIGHT = "On the %s path the server's flight for %s after its "
            + "ServerHello is malformed, so its certificate or key exchange may be missing";
    /** ServerProfile note sentence for an answer that was not TLS at all after PRELOGIN: %1$s path, %2$s versions. */
    public static final String NOTE_NOT_TLS = "On the %s path the server offered encryption in PRELOGIN but "
            + "answered ClientHellos for %s with something that is not TLS, so those versions are shown as not "
            + "accepted";
    /** ServerProfile note sentence for a certificate that could not be parsed. */
    public static final String NOTE_CERTIFICATE = "The server sent a certificate that cannot be parsed, so no "
            + "certificate is shown";

    private ProbeMessages() {
    }
}
