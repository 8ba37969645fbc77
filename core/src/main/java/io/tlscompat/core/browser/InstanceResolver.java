package io.tlscompat.core.browser;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.tlscompat.core.client.JdbcTarget;

/**
 * Asks one SQL Server Browser ([MC-SQLR], UDP 1434) for one named instance's TCP port. It sends CLNT_UCAST_INST
 * (0x04 + instance name, as mssql-jdbc does) and CLNT_UCAST_EX (0x03, the whole list, close to jTDS' 0x02), because
 * a Browser answers CLNT_UCAST_INST only for an instance it has ([MC-SQLR] 3.2.5, "if available"): the list then
 * tells "unknown instance" from "silent Browser". Both are sent again once at half the timeout, as UDP may lose
 * them. The whole exchange ends within the timeout, or sooner at the caller's deadline. Thread-safe.
 */
public final class InstanceResolver {
    /** The SQL Server Browser's UDP port; the drivers always ask this one. */
    public static final int BROWSER_PORT = 1434;
    /** Default time to wait for the Browser (mssql-jdbc waits 1 s, jTDS 3 x 2 s). */
    public static final int DEFAULT_TIMEOUT_MILLIS = 2000;

    /** Nothing answered: host, UDP port, instance, milliseconds, UDP port. */
    public static final String MSG_SILENT = "the SQL Server Browser on %s (UDP %d) did not answer for instance %s "
            + "within %d ms; start the SQL Server Browser service and open UDP %d, or put the instance's port in "
            + "the URL";
    /** ICMP port unreachable: host, UDP port, instance. */
    public static final String MSG_REFUSED = "no SQL Server Browser listens on %s (UDP %d): port unreachable, so "
            + "instance %s has no port; start the SQL Server Browser service, or put the instance's port in the URL";
    /** The Browser answered without the instance: host, UDP port, instance, the names it lists. */
    public static final String MSG_UNKNOWN_INSTANCE = "the SQL Server Browser on %s (UDP %d) does not know instance "
            + "%s (it lists %s); check the instance name, or put the instance's port in the URL";
    /** The instance has no TCP listener: instance, host, UDP port. */
    public static final String MSG_NO_TCP = "instance %s on %s has no TCP port in the SQL Server Browser's answer "
            + "(UDP %d); enable TCP/IP for the instance, or put its port in the URL";
    /** Only garbage came back: host, UDP port, instance, what was wrong. */
    public static final String MSG_BAD_ANSWER = "the SQL Server Browser on %s (UDP %d) gave no usable answer for "
            + "instance %s: %s";
    /** The host does not resolve: host, UDP port, instance, reason. */
    public static final String MSG_UNKNOWN_HOST = "cannot resolve %s to ask its SQL Server Browser (UDP %d) for "
            + "instance %s: %s";
    /** Instance names are at most 32 bytes ([MC-SQLR] 2.2.3). */
    static final int MAX_INSTANCE_NAME = 32;
    /** Message for a bad instance name: name. */
    public static final String MSG_BAD_INSTANCE = "instance name '%s' is not 1 to 32 characters without ';'";

    static final int CLNT_UCAST_EX = 0x03;
    static final int CLNT_UCAST_INST = 0x04;

    private final int browserPort;
    private final int timeoutMillis;

    /** A resolver asking UDP 1434 with the default timeout. */
    public InstanceResolver() {
        this(BROWSER_PORT, DEFAULT_TIMEOUT_MILLIS);
    }

    /**
     * @param browserPort the Browser's UDP port: 1434 except for rehearsals against a simulator on another port
     * @param timeoutMillis how long to wait for an answer
     */
    public InstanceResolver(int browserPort, int timeoutMillis) {
        if (browserPort < 1 || browserPort > 65535 || timeoutMillis < 1) {
            throw new IllegalArgumentException("browserPort " + browserPort + ", timeoutMillis " + timeoutMillis);
        }
        this.browserPort = browserPort;
        this.timeoutMillis = timeoutMillis;
    }

    public int browserPort() {
        return browserPort;
    }

    /**
     * Asks the Browser on {@code host} for {@code instance}'s TCP port.
     *
     * @param deadlineNanos a {@link System#nanoTime()} by which to give up at the latest (Long.MAX_VALUE: none)
     * @throws BrowserException with a one-line message naming the UDP port and the instance
     */
    public InstancePort resolve(String host, String instance, long deadlineNanos) throws BrowserException {
        if (instance == null || instance.isEmpty() || instance.length() > MAX_INSTANCE_NAME
                || instance.indexOf(';') >= 0) {
            throw new BrowserException(String.format(MSG_BAD_INSTANCE, instance));
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BrowserException(String.format(MSG_UNKNOWN_HOST, host, browserPort, instance, e.getMessage()));
        }
        long start = System.nanoTime();
        long end = Math.min(deadlineNanos, start + timeoutMillis * 1_000_000L);
        long resendAt = start + (end - start) / 2;
        boolean resent = false;
        String badAnswer = null;
        try (DatagramSocket socket = new DatagramSocket()) {
            // Connected, so a closed port comes back as PortUnreachableException instead of a silent wait.
            socket.connect(new InetSocketAddress(address, browserPort));
            send(socket, instance);
            byte[] buffer = new byte[BrowserResponse.MAX_DATA + 3];
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                if (!resent && now >= resendAt) {
                    send(socket, instance);
                    resent = true;
                }
                long waitUntil = resent ? end : Math.min(end, resendAt);
                socket.setSoTimeout((int) Math.max(1, (waitUntil - now) / 1_000_000L));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    continue;
                }
                BrowserResponse response;
                try {
                    response = BrowserResponse.decode(packet.getData(), packet.getLength());
                } catch (IllegalArgumentException e) {
                    badAnswer = e.getMessage();
                    continue;
                }
                return portOf(response, host, instance);
            }
        } catch (PortUnreachableException e) {
            throw new BrowserException(String.format(MSG_REFUSED, host, browserPort, instance));
        } catch (IOException e) {
            throw new BrowserException(String.format(MSG_BAD_ANSWER, host, browserPort, instance, e));
        }
        if (badAnswer != null) {
            throw new BrowserException(String.format(MSG_BAD_ANSWER, host, browserPort, instance, badAnswer));
        }
        throw new BrowserException(String.format(MSG_SILENT, host, browserPort, instance,
                (System.nanoTime() - start) / 1_000_000L, browserPort));
    }

    /**
     * The target with the port its driver would connect to: unchanged unless the driver asks the Browser
     * ({@link JdbcTarget#asksBrowser()}), else with the Browser's port and where it came from.
     *
     * @throws BrowserException with a one-line message naming the UDP port and the instance
     */
    public JdbcTarget resolve(JdbcTarget target, long deadlineNanos) throws BrowserException {
        if (!target.asksBrowser()) {
            return target;
        }
        InstancePort p = resolve(target.host(), target.instance(), deadlineNanos);
        return target.withResolvedPort(p.port(), p.describe());
    }

    private InstancePort portOf(BrowserResponse response, String host, String instance) throws BrowserException {
        Map<String, String> record = response.instance(instance);
        if (record == null) {
            throw new BrowserException(String.format(MSG_UNKNOWN_INSTANCE, host, browserPort, instance,
                    response.instanceNames().isEmpty() ? "none" : String.join(", ", response.instanceNames())));
        }
        String tcp = record.get("tcp");
        int port = -1;
        try {
            port = tcp == null ? -1 : Integer.parseInt(tcp.trim());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (port < 1 || port > 65535) {
            throw new BrowserException(String.format(MSG_NO_TCP, instance, host, browserPort));
        }
        return new InstancePort(host, record.get("InstanceName"), port);
    }

    private static void send(DatagramSocket socket, String instance) throws IOException {
        byte[] name = instance.getBytes(StandardCharsets.ISO_8859_1);
        byte[] inst = new byte[name.length + 2];
        inst[0] = CLNT_UCAST_INST;
        System.arraycopy(name, 0, inst, 1, name.length);
        // inst[last] stays 0: INSTANCENAME is null-terminated ([MC-SQLR] 2.2.3).
        socket.send(new DatagramPacket(inst, inst.length));
        socket.send(new DatagramPacket(new byte[] {CLNT_UCAST_EX}, 1));
    }
}
