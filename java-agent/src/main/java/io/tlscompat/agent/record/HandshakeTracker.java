package io.tlscompat.agent.record;

import io.tlscompat.agent.bootstrap.HookSink;
import java.io.PrintStream;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The hook sink: follows each handshake on its own thread from {@code startHandshake} entry to exit, notes the
 * furthest handshake message seen, and hands one {@link HandshakeRecord} to the {@link RecordSink}. It only reads
 * public {@link SSLSocket} state and copies a few references: no I/O, no locks beyond the sink's queue, nothing that
 * could change the handshake.
 *
 * <p>SSLEngine handshakes (Netty, java.net.http) are followed the same way, but by connection instead of by
 * thread ({@link EngineHandshakes}): from the first {@code kickstart} to {@code finishHandshake}, {@code fatal} or
 * {@code closeInbound}, whichever comes first.
 */
public final class HandshakeTracker implements HookSink {
    private static final int TLS_SERVER_HELLO = 2;
    private static final int TLS_CERTIFICATE = 11;

    private final ThreadLocal<InFlightHandshake> current = new ThreadLocal<InFlightHandshake>();
    private final ThreadLocal<JdbcContext> jdbc = new ThreadLocal<JdbcContext>();
    /** Set inside jTDS's negotiateSSL: TRUE once its TLS handshake started, FALSE while still in the PRELOGIN. */
    private final ThreadLocal<Boolean> jtdsTlsStarted = new ThreadLocal<Boolean>();
    private final EngineHandshakes engines = new EngineHandshakes();
    /** Driver contexts of engines made but not yet started (r2dbc-mssql), weakly keyed: never a leak. */
    private final Map<Object, JdbcContext> engineContexts =
            Collections.synchronizedMap(new WeakHashMap<Object, JdbcContext>());
    private final Set<String> notCoveredSeen = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());
    private volatile PrintStream notices;
    private final RecordSink sink;
    private final JdbcContextReader jdbcReader;
    private final boolean endAfterHandshake;

    public HandshakeTracker(RecordSink sink, JdbcContextReader jdbcReader) {
        this(sink, jdbcReader, false);
    }

    /**
     * @param endAfterHandshake the gate's rehearsal mode: close each client socket as soon as its handshake has
     *        completed and been recorded, so the driver's next write (LOGIN7) fails inside this JVM and no login
     *        attempt reaches the server
     */
    public HandshakeTracker(RecordSink sink, JdbcContextReader jdbcReader, boolean endAfterHandshake) {
        this.sink = sink;
        this.jdbcReader = jdbcReader;
        this.endAfterHandshake = endAfterHandshake;
    }

    /** Threads of the agent itself (background probe) are not the application's: their handshakes are skipped. */
    static final String OWN_THREAD_PREFIX = "tls-compat-";

    @Override
    public void handshakeEnter(Object socket, String peerHost, int peerPort) {
        boolean client = !(socket instanceof SSLSocket) || ((SSLSocket) socket).getUseClientMode();
        if (client && Thread.currentThread().getName().startsWith(OWN_THREAD_PREFIX)) {
            client = false;
        }
        JdbcContext context = jdbc.get();
        if (peerPort <= 0 && context != null && context.peerPort() > 0) {
            // jTDS layers JSSE over its own socket wrapper and passes port 0: the driver knows the real peer.
            peerHost = context.peerHost();
            peerPort = context.peerPort();
        }
        current.set(new InFlightHandshake(socket, peerHost, peerPort, client, context, current.get()));
    }

    @Override
    public void handshakeExit(Object socket) {
        InFlightHandshake h = pop(socket);
        // A call that exchanged no handshake message was a no-op on an already negotiated socket: not a handshake.
        if (h == null || !h.clientMode || h.phase == null) {
            return;
        }
        String protocol = null;
        String suite = null;
        Object cert = h.certificateDer;
        if (socket instanceof SSLSocket) {
            // Negotiated now, so getSession() returns at once without starting anything.
            SSLSession session = ((SSLSocket) socket).getSession();
            protocol = session.getProtocol();
            suite = session.getCipherSuite();
            try {
                Certificate[] chain = session.getPeerCertificates();
                if (chain.length > 0 && chain[0] instanceof X509Certificate) {
                    cert = chain[0];
                }
            } catch (Exception noPeerCertificates) {
                // anonymous or PSK: keep what the Certificate message had, if anything
            }
        }
        if (FailureClassifier.notNegotiated(suite)) {
            // JSSE returns normally, with no session, from a handshake the application cut short by closing the socket.
            HandshakeRecord r = build(h, Outcome.CLOSED_LOCALLY, h.phase, null, null, h.certificateDer, null);
            r.chosenSuite(h.serverHelloSuite);
            sink.accept(r);
            return;
        }
        sink.accept(build(h, Outcome.OK, Phase.FINISHED, protocol, suite, cert, null));
        if (endAfterHandshake && socket instanceof SSLSocket) {
            try {
                ((SSLSocket) socket).close();
            } catch (Exception alreadyClosed) {
                // the connection is over either way
            }
        }
    }

    @Override
    public void handshakeFailed(Object socket, Throwable failure) {
        InFlightHandshake h = pop(socket);
        if (h == null || !h.clientMode) {
            return;
        }
        Outcome outcome = FailureClassifier.classify(failure);
        // The suite code is named later, on the writer thread (the registry loads on first use).
        HandshakeRecord r = build(h, outcome, h.phase, null, null, h.certificateDer, failure);
        r.chosenSuite(h.serverHelloSuite);
        sink.accept(r);
    }

    @Override
    public void messageSent(int type) {
        InFlightHandshake h = current.get();
        if (h != null) {
            h.phase = Phase.later(h.phase, Phase.forSent(type));
        }
    }

    @Override
    public void messageReceived(int type, Object body) {
        received(current.get(), type, body);
    }

    private static void received(InFlightHandshake h, int type, Object body) {
        if (h != null && h.clientMode) {
            h.phase = Phase.later(h.phase, Phase.forReceived(type));
            if (type == TLS_SERVER_HELLO && h.serverHelloSuite < 0) {
                h.serverHelloSuite = ServerHelloReader.cipherSuite(body);
            }
            if (type == TLS_CERTIFICATE && h.certificateDer == null) {
                // Copied now because a certificate the client rejects never reaches the session.
                h.certificateDer = CertificateMessageReader.leafDer(body);
            }
        }
    }

    @Override
    public void engineStart(Object transport, Object connection) {
        // Sockets pass here too (startHandshake calls kickstart): they are followed by their thread instead.
        if (!(transport instanceof SSLEngine) || connection == null || engines.get(connection) != null) {
            return;
        }
        SSLEngine engine = (SSLEngine) transport;
        if (!engine.getUseClientMode() || Thread.currentThread().getName().startsWith(OWN_THREAD_PREFIX)) {
            return;
        }
        JdbcContext context = engineContexts.isEmpty() ? null : engineContexts.remove(engine);
        // May be null / -1 when the application created the engine without a peer: recorded as it is.
        engines.start(connection, new InFlightHandshake(engine, engine.getPeerHost(), engine.getPeerPort(), true,
                context, null));
    }

    @Override
    public void engineMessageSent(Object connection, int type) {
        InFlightHandshake h = engines.get(connection);
        if (h != null) {
            h.phase = Phase.later(h.phase, Phase.forSent(type));
        }
    }

    @Override
    public void engineMessageReceived(Object connection, int type, Object body) {
        received(engines.get(connection), type, body);
    }

    @Override
    public void engineFinished(Object connection) {
        InFlightHandshake h = engines.remove(connection);
        if (h == null) {
            return;
        }
        // Called inside the engine's own lock (reentrant), after the session was put in place.
        SSLSession session = ((SSLEngine) h.socket).getSession();
        Object cert = h.certificateDer;
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length > 0 && chain[0] instanceof X509Certificate) {
                cert = chain[0];
            }
        } catch (Exception noPeerCertificates) {
            // anonymous or PSK: keep what the Certificate message had, if anything
        }
        sink.accept(build(h, Outcome.OK, Phase.FINISHED, session.getProtocol(), session.getCipherSuite(), cert,
                null));
    }

    @Override
    public void engineFailed(Object connection, Throwable failure) {
        InFlightHandshake h = engines.remove(connection);
        if (h == null) {
            return;
        }
        HandshakeRecord r = build(h, FailureClassifier.classify(failure), h.phase, null, null, h.certificateDer,
                failure);
        r.chosenSuite(h.serverHelloSuite);
        sink.accept(r);
    }

    @Override
    public void engineInboundClosed(Object connection) {
        InFlightHandshake h = engines.remove(connection);
        // Before any message was written nothing reached the server: not a handshake.
        if (h == null || h.phase == null) {
            return;
        }
        // The TCP connection ended mid-handshake with no alert: Netty and java.net.http then close the engine's
        // inbound side. The engine cannot tell an RST from a FIN; SQL Server drops with an RST.
        HandshakeRecord r = build(h, Outcome.RESET, h.phase, null, null, h.certificateDer, null);
        r.chosenSuite(h.serverHelloSuite);
        sink.accept(r);
    }

    /** Printed once per engine class that bypasses JSSE; {@code %s} is the class. */
    public static final String NOT_COVERED = "[tls-compat] %s does not use the JDK's JSSE (netty-tcnative's OpenSSL"
            + " or Bouncy Castle's BCJSSE): its handshakes are not recorded; use Netty's JDK provider"
            + " (SslProvider.JDK) to have them recorded";

    /** Where the one-time "not covered" line goes; null for nowhere. */
    public void notices(PrintStream out) {
        this.notices = out;
    }

    @Override
    public void driverHandler(Object sslHandler, Object factory) {
        Object engine = jdbcReader.engineOf(sslHandler);
        if (engine instanceof SSLEngine) {
            JdbcContext context = jdbcReader.readR2dbc(factory);
            if (context != null) {
                engineContexts.put(engine, context);
            }
        }
    }

    @Override
    public void vertxHandler(Object sslHandler, Object handler, byte encryptionLevel) {
        Object engine = jdbcReader.engineOf(sslHandler);
        if (engine instanceof SSLEngine) {
            engineContexts.put(engine, jdbcReader.readVertx(handler, encryptionLevel));
        }
    }

    @Override
    public void nettyEngine(Object engine) {
        if (engine == null) {
            return;
        }
        String name = engine.getClass().getName();
        if (bypassesJsse(name) && notCoveredSeen.add(name)) {
            PrintStream out = notices;
            if (out != null) {
                out.println(String.format(NOT_COVERED, name));
            }
        }
    }

    /** Netty's OpenSSL engines (netty-tcnative), BCJSSE's and Conscrypt's; Netty's JDK wrappers are JSSE inside. */
    static boolean bypassesJsse(String engineClass) {
        return engineClass.startsWith("io.netty.handler.ssl.") && engineClass.contains("OpenSsl")
                || engineClass.startsWith("org.bouncycastle.") || engineClass.startsWith("org.conscrypt.");
    }

    /** java.net.http's words ({@code SocketTube}, 17 and 25) when the client closed the connection itself. */
    static final String HTTP_CLOSED_LOCALLY = "connection closed locally";

    @Override
    public void engineFlowEnded(Object engine, Throwable cause) {
        // An SSLException was fatal inside JSSE: already recorded. Anything else is the TCP flow under the engine.
        if (cause instanceof javax.net.ssl.SSLException) {
            return;
        }
        InFlightHandshake h = engines.removeByTransport(engine);
        if (h == null || h.phase == null) {
            return;
        }
        Outcome outcome = cause == null ? Outcome.CLOSE : FailureClassifier.classify(cause);
        if (cause != null && HTTP_CLOSED_LOCALLY.equals(cause.getMessage())) {
            // The client gave up itself (its connect timeout): not the server's doing, like a socket closed locally.
            outcome = Outcome.CLOSED_LOCALLY;
        }
        HandshakeRecord r = build(h, outcome, h.phase, null, null, h.certificateDer, cause);
        r.chosenSuite(h.serverHelloSuite);
        sink.accept(r);
    }

    /** SSLEngine handshakes being followed now (bounded, see {@link EngineHandshakes}). */
    public int enginesInFlight() {
        return engines.size();
    }

    /** SSLEngine handshakes dropped from the table without an end. */
    public long enginesAbandoned() {
        return engines.abandoned();
    }

    @Override
    public void jdbcEnter(Object tdsChannel, String host, int port, boolean tds8) {
        jdbc.set(jdbcReader.read(tdsChannel, host, tds8));
        if (jtdsTlsStarted.get() != null) {
            jtdsTlsStarted.set(Boolean.TRUE); // inside jTDS's negotiateSSL: TLS starts now
        }
    }

    @Override
    public void preloginFailed(Object connection, String host, int port, Throwable failure) {
        JdbcContext context = jdbcReader.readConnection(connection);
        String[] offered = null;
        String[] suites = null;
        sink.accept(new HandshakeRecord(System.currentTimeMillis(), Thread.currentThread().getName(), host, port,
                FailureClassifier.classify(failure), null, null, null, offered, suites, null, 0, failure, context,
                true));
    }

    @Override
    public void jtdsNegotiationEnter() {
        jtdsTlsStarted.set(Boolean.FALSE);
    }

    @Override
    public void jtdsNegotiationFailed(Object tdsCore, String sslMode, Throwable failure) {
        boolean tlsStarted = Boolean.TRUE.equals(jtdsTlsStarted.get());
        jtdsTlsStarted.remove();
        if (tlsStarted) {
            return; // the handshake's own record has it
        }
        JdbcContext context = jdbcReader.readJtdsCore(tdsCore, sslMode);
        String host = context == null ? null : context.peerHost();
        int port = context == null ? 0 : context.peerPort();
        sink.accept(new HandshakeRecord(System.currentTimeMillis(), Thread.currentThread().getName(), host, port,
                FailureClassifier.classify(failure), null, null, null, null, null, null, 0, failure, context, true));
    }

    @Override
    public void jdbcExit() {
        jdbc.remove();
    }

    private InFlightHandshake pop(Object socket) {
        InFlightHandshake h = current.get();
        if (h == null) {
            return null;
        }
        if (h.outer == null) {
            current.remove();
        } else {
            current.set(h.outer);
        }
        return h.socket == socket ? h : null;
    }

    private static HandshakeRecord build(InFlightHandshake h, Outcome outcome, Phase phase, String protocol,
            String suite, Object cert, Throwable failure) {
        String[] protocols = null;
        String[] suites = null;
        String transport = null;
        if (h.socket instanceof SSLSocket) {
            SSLSocket s = (SSLSocket) h.socket;
            protocols = s.getEnabledProtocols();
            suites = s.getEnabledCipherSuites();
            transport = HandshakeRecord.TRANSPORT_SOCKET;
        } else if (h.socket instanceof SSLEngine) {
            SSLEngine e = (SSLEngine) h.socket;
            protocols = e.getEnabledProtocols();
            suites = e.getEnabledCipherSuites();
            transport = HandshakeRecord.TRANSPORT_ENGINE;
        }
        long micros = (System.nanoTime() - h.startNanos) / 1000L;
        HandshakeRecord r = new HandshakeRecord(h.startMillis, Thread.currentThread().getName(), h.peerHost,
                h.peerPort, outcome, phase, protocol, suite, protocols, suites, cert, micros, failure, h.jdbc);
        r.transport(transport);
        return r;
    }
}
