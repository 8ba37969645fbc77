package io.tlscompat.simulator;

import io.tlscompat.core.tls.CipherSuite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
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
    private static final int MAX_QUEUED_CONNECTIONS = 64;

    /** Message when a profile lists suites Bouncy Castle cannot serve. */
    public static final String UNSERVABLE_SUITES = "profile %s lists cipher suites the simulator cannot serve "
            + "(Bouncy Castle has no implementation): %s; remove them";

    private final SimulatorProfile profile;
    private final ServerSocket serverSocket;
    private final ServerCertificate certificate;
    private final LeadingZeroBugCrypto crypto;
    private final Consumer<String> log;
    private final ThreadPoolExecutor pool;
    private final Thread acceptor;
    private final ScheduledExecutorService watchdog;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile boolean closed;

    private Simulator(SimulatorProfile profile, ServerSocket serverSocket, Consumer<String> log) {
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
        this.acceptor = new Thread(this::acceptLoop, "tls-compat-simulator-accept-" + serverSocket.getLocalPort());
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
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(bindAddress, port), 50);
        Simulator s;
        try {
            s = new Simulator(profile, ss, log);
        } catch (RuntimeException e) {
            ss.close();
            throw e;
        }
        s.acceptor.start();
        return s;
    }

    /** The bound port (useful after starting on port 0). */
    public int port() {
        return serverSocket.getLocalPort();
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
            Socket client;
            try {
                client = serverSocket.accept();
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                log("accept failed: " + e.getMessage());
                continue;
            }
            int id = connections.incrementAndGet();
            open.add(client);
            try {
                watchdog.schedule(() -> closeIfOpen(client, id), MAX_CONNECTION_MILLIS, TimeUnit.MILLISECONDS);
                pool.execute(new ConnectionHandler(this, client, id));
            } catch (RejectedExecutionException e) {
                // Too many connections, or close() is under way.
                log("#" + id + " too many connections; closing");
                connectionEnded(client);
                try {
                    client.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
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
