package io.tlscompat.simulator;

import io.tlscompat.core.tls.CipherSuite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A running SQL Server TLS front door on one port. Start it with {@link #start(SimulatorProfile, int)} (port 0 =
 * ephemeral), point clients at {@link #port()}, and {@link #close()} it; close stops the listener and every
 * connection promptly.
 *
 * <p>Why it cannot be starved: a connection gets a worker only once it has sent its first byte. Until then it waits
 * in the {@link Lobby} (one selector thread for all of them) and is closed after {@link #IDLE_MILLIS}; a worker then
 * gives the first message (PRELOGIN) {@link #FIRST_MESSAGE_MILLIS} to arrive whole. When every worker is busy and
 * the queue is full, a new connection is refused with one log line ({@link #REFUSED_BUSY}).
 */
public final class Simulator implements AutoCloseable {
    /** Read timeout on every client and backend socket: a silent peer never holds a thread for long. */
    static final int READ_TIMEOUT_MILLIS = 15_000;
    /** Connect timeout for the relay backend. */
    static final int CONNECT_TIMEOUT_MILLIS = 3_000;
    /**
     * Longest life of one connection: the read timeout bounds each silence, this bounds a client that trickles
     * bytes. SQL Server conversations with the simulator end at the login, so a minute is generous.
     */
    static final int MAX_CONNECTION_MILLIS = 60_000;
    /** Connections served at once; more wait in a small queue, beyond that they are closed at once. */
    static final int MAX_CONCURRENT_CONNECTIONS = 16;
    static final int MAX_QUEUED_CONNECTIONS = 64;
    /** How long a connection may stay silent before its first byte; it holds no worker meanwhile. */
    static final int IDLE_MILLIS = 5_000;
    /** How long the first message (PRELOGIN) may take to arrive whole once it has started: trickling ends here. */
    static final int FIRST_MESSAGE_MILLIS = 5_000;
    /** Silent connections the lobby holds at once; beyond that new ones are refused. */
    static final int MAX_IDLE_CONNECTIONS = 1024;
    /** Log line for a connection refused because every worker is busy: id, workers, queue. */
    static final String REFUSED_BUSY = "#%d refused: all %d workers are busy and %d connections are queued; closing";
    /** Log line for a connection refused because the lobby is full: id, limit. */
    static final String REFUSED_IDLE = "#%d refused: %d connections are already waiting for their first byte; closing";
    /** Log line for a connection that sent nothing: id, seconds. */
    static final String CLOSED_IDLE = "#%d sent nothing for %d s; closing";
    /** Log line for a first message that did not arrive whole: id, seconds. */
    static final String CLOSED_SLOW = "#%d did not send a whole PRELOGIN within %d s; closing";

    /** Message when a profile lists suites Bouncy Castle cannot serve. */
    public static final String UNSERVABLE_SUITES = "profile %s lists cipher suites the simulator cannot serve "
            + "(Bouncy Castle has no implementation): %s; remove them";

    private final SimulatorProfile profile;
    private final ServerSocketChannel serverSocket;
    private final ServerCertificate certificate;
    private final LeadingZeroBugCrypto crypto;
    private final Consumer<String> log;
    private final ThreadPoolExecutor pool;
    private final Thread acceptor;
    private final ScheduledExecutorService watchdog;
    private final Lobby lobby;
    private volatile BrowserResponder browser;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile boolean closed;

    private Simulator(SimulatorProfile profile, ServerSocketChannel serverSocket, Consumer<String> log)
            throws IOException {
        this.profile = profile;
        this.serverSocket = serverSocket;
        this.log = log;
        this.crypto = new LeadingZeroBugCrypto(profile.dheBug());
        this.certificate = ServerCertificate.generate(profile);
        this.pool = new ThreadPoolExecutor(MAX_CONCURRENT_CONNECTIONS, MAX_CONCURRENT_CONNECTIONS, 30,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(MAX_QUEUED_CONNECTIONS), r -> {
                    Thread t = new Thread(r, "tls-compat-simulator-connection");
                    t.setDaemon(true);
                    return t;
                });
        this.pool.allowCoreThreadTimeOut(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tls-compat-simulator-watchdog");
            t.setDaemon(true);
            return t;
        });
        int port = serverSocket.socket().getLocalPort();
        this.lobby = new Lobby(this::dispatch, IDLE_MILLIS, MAX_IDLE_CONNECTIONS, this::idleClosed, port);
        this.acceptor = new Thread(this::acceptLoop, "tls-compat-simulator-accept-" + port);
        this.acceptor.setDaemon(true);
    }

    /**
     * Starts a simulator listening on the loopback interface.
     *
     * @param port the TCP port, or 0 for an ephemeral one (see {@link #port()})
     * @throws IOException when the port cannot be bound
     * @throws IllegalArgumentException when the profile lists suites Bouncy Castle cannot serve
     */
    public static Simulator start(SimulatorProfile profile, int port) throws IOException {
        return start(profile, port, InetAddress.getLoopbackAddress(), message -> { });
    }

    /**
     * Starts a simulator.
     *
     * @param bindAddress where to listen (loopback for tests; the wildcard address to serve other machines)
     * @param log receives one line per connection event (never passwords)
     */
    public static Simulator start(SimulatorProfile profile, int port, InetAddress bindAddress, Consumer<String> log)
            throws IOException {
        List<CipherSuite> unservable = SimulatorTlsServer.unsupportedSuites(new LeadingZeroBugCrypto(DheBug.NEVER),
                profile.cipherSuites());
        if (!unservable.isEmpty()) {
            throw new IllegalArgumentException(String.format(UNSERVABLE_SUITES, profile.name(), unservable));
        }
        ServerSocketChannel ss = ServerSocketChannel.open();
        Simulator s;
        try {
            ss.socket().setReuseAddress(true);
            ss.bind(new InetSocketAddress(bindAddress, port), 256);
            s = new Simulator(profile, ss, log);
        } catch (IOException | RuntimeException e) {
            ss.close();
            throw e;
        }
        s.lobby.start();
        s.acceptor.start();
        return s;
    }

    /** The bound port (useful after starting on port 0). */
    public int port() {
        return serverSocket.socket().getLocalPort();
    }

    /**
     * Answers the SQL Server Browser protocol (UDP) for a named instance on this simulator's port, so clients can
     * connect by {@code host\instance}. Closed with the simulator.
     *
     * @param udpPort 1434, where the drivers ask, or 0 for an ephemeral port (see {@link #browserPort()})
     * @return the bound UDP port
     * @throws IOException when the UDP port cannot be bound
     */
    public synchronized int answerBrowser(String instance, int udpPort) throws IOException {
        if (browser != null) {
            throw new IllegalStateException("the Browser already answers for " + browser.instance());
        }
        InetAddress bind = serverSocket.socket().getInetAddress();
        browser = BrowserResponder.start(instance, "TLSCOMPAT-SIM", profile.productVersion().toString(), port(),
                bind, udpPort, log);
        return browser.port();
    }

    /** The Browser's UDP port, or -1 when {@link #answerBrowser} was not called. */
    public int browserPort() {
        BrowserResponder b = browser;
        return b == null ? -1 : b.port();
    }

    public SimulatorProfile profile() {
        return profile;
    }

    /** The leaf certificate the simulator serves. */
    public X509Certificate certificate() {
        return certificate.certificate();
    }

    /** Connections accepted so far (a probe's budget can be checked against it). */
    public int connectionCount() {
        return connections.get();
    }

    /** TLS handshakes that completed. */
    public int handshakeCount() {
        return handshakes.get();
    }

    /** LOGIN7 messages answered with "Login failed". */
    public int loginCount() {
        return logins.get();
    }

    /** DHE handshakes in which the emulated leading-zero bug produced a wrong premaster secret. */
    public int dheBugHits() {
        return crypto.wrongSecrets();
    }

    /** Stops listening and closes every open connection; returns within about a second. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            // The acceptor stops on the closed server socket; after that no connection can be added.
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        lobby.close();
        BrowserResponder b = browser;
        if (b != null) {
            b.close();
        }
        pool.shutdownNow();
        watchdog.shutdownNow();
        try {
            pool.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = serverSocket.accept();
            } catch (ClosedChannelException e) {
                return; // closed
            } catch (IOException e) {
                log("accept failed: " + e.getMessage());
                continue;
            }
            int id = connections.incrementAndGet();
            Socket socket = client.socket();
            open.add(socket);
            if (!lobby.admit(client, id)) {
                log(String.format(REFUSED_IDLE, id, MAX_IDLE_CONNECTIONS));
                closeQuietly(socket);
            }
        }
    }

    /** Called by the lobby once a connection has sent its first byte (the channel is blocking again). */
    private void dispatch(SocketChannel client, int id) {
        Socket socket = client.socket();
        ConnectionHandler handler = new ConnectionHandler(this, socket, id);
        try {
            watchdog.schedule(() -> closeIfOpen(socket, id), MAX_CONNECTION_MILLIS, TimeUnit.MILLISECONDS);
            pool.execute(handler);
        } catch (RejectedExecutionException e) {
            // Every worker busy and the queue full, or close() is under way.
            if (!closed) {
                log(String.format(REFUSED_BUSY, id, MAX_CONCURRENT_CONNECTIONS, MAX_QUEUED_CONNECTIONS));
            }
            closeQuietly(socket);
        }
    }

    private void idleClosed(SocketChannel client, int id) {
        log(String.format(CLOSED_IDLE, id, IDLE_MILLIS / 1000));
        closeQuietly(client.socket());
    }

    /** Called by a worker as it starts: from now the first message has {@link #FIRST_MESSAGE_MILLIS}. */
    void watchFirstMessage(ConnectionHandler handler, Socket socket, int id) {
        try {
            watchdog.schedule(() -> closeIfSlow(handler, socket, id), FIRST_MESSAGE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            closeQuietly(socket); // closing
        }
    }

    private void closeIfSlow(ConnectionHandler handler, Socket socket, int id) {
        if (!handler.firstMessageRead() && open.contains(socket)) {
            log(String.format(CLOSED_SLOW, id, FIRST_MESSAGE_MILLIS / 1000));
            closeQuietly(socket);
        }
    }

    private void closeQuietly(Socket socket) {
        connectionEnded(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private void closeIfOpen(Socket client, int id) {
        if (open.remove(client)) {
            log("#" + id + " still open after " + MAX_CONNECTION_MILLIS / 1000 + " s; closing");
            try {
                client.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    LeadingZeroBugCrypto crypto() {
        return crypto;
    }

    ServerCertificate serverCertificate() {
        return certificate;
    }

    void connectionEnded(Socket s) {
        open.remove(s);
    }

    void handshakeCompleted() {
        handshakes.incrementAndGet();
    }

    void loginAnswered() {
        logins.incrementAndGet();
    }

    void log(String message) {
        log.accept(message);
    }
}
