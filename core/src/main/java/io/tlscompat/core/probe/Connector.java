package io.tlscompat.core.probe;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens the probe's TCP connections, each with connect and read timeouts cut to the deadline, and counts them. */
final class Connector {
    private final InetAddress address;
    private final int port;
    private final String target;
    private final ProbeSettings settings;
    private final Deadline deadline;
    private final AtomicInteger connections = new AtomicInteger();

    Connector(InetAddress address, int port, String target, ProbeSettings settings, Deadline deadline) {
        this.address = address;
        this.port = port;
        this.target = target;
        this.settings = settings;
        this.deadline = deadline;
    }

    String target() {
        return target;
    }

    Deadline deadline() {
        return deadline;
    }

    int connections() {
        return connections.get();
    }

    /**
     * A connected socket with its read timeout set.
     *
     * @throws ProbeException UNREACHABLE when the connection fails, TIMEOUT when the deadline has passed
     */
    Socket open() throws ProbeException {
        int connectTimeout = deadline.timeout(settings.connectTimeoutMillis(), target);
        Socket socket = new Socket();
        connections.incrementAndGet();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(address, port), connectTimeout);
            socket.setSoTimeout(deadline.timeout(settings.readTimeoutMillis(), target));
            return socket;
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new ProbeException(ProbeException.Reason.UNREACHABLE, String.format(ProbeMessages.UNREACHABLE,
                    target, "no answer within " + connectTimeout + " ms"), e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ProbeException(ProbeException.Reason.UNREACHABLE,
                    String.format(ProbeMessages.UNREACHABLE, target, e.getMessage()), e);
        } catch (ProbeException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** The socket's input, buffered, with reads bounded by the read timeout and the deadline. */
    InputStream input(Socket socket) throws IOException {
        return new BufferedInputStream(new DeadlineInputStream(socket, deadline, settings.readTimeoutMillis()));
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing to do: the probe is done with this connection either way.
        }
    }
}
