package io.tlscompat.agent.bootstrap;

/**
 * What the hooks in JDK classes call into. Lives in the bootstrap loader (so {@code java.base} can see it); the
 * implementation lives in the agent's own class loader and is handed over through {@link TlsCompatHooks#install}.
 * Arguments are JDK or {@code Object} types only, so nothing else has to be visible from the boot loader.
 */
public interface HookSink {
    /** {@code SSLSocketImpl.startHandshake(boolean)} was entered. */
    void handshakeEnter(Object socket, String peerHost, int peerPort);

    /** {@code startHandshake(boolean)} returned normally. */
    void handshakeExit(Object socket);

    /** {@code startHandshake(boolean)} is about to throw {@code failure}. */
    void handshakeFailed(Object socket, Throwable failure);

    /** A handshake message of {@code type} is being written by an {@code SSLSocket}. */
    void messageSent(int type);

    /** A handshake message of {@code type} arrived; {@code body} is the message body (read-only use). */
    void messageReceived(int type, Object body);

    /** mssql-jdbc's {@code TDSChannel.enableSSL} was entered on this thread. */
    void jdbcEnter(Object tdsChannel, String host, int port, boolean tds8);

    /** {@code TDSChannel.enableSSL} left (normally or not). */
    void jdbcExit();

    /** jTDS's {@code TdsCore.negotiateSSL} (its PRELOGIN, then TLS) was entered on this thread. */
    void jtdsNegotiationEnter();

    /** jTDS's {@code TdsCore.negotiateSSL} failed; a failure after TLS started was already recorded by the TLS hooks. */
    void jtdsNegotiationFailed(Object tdsCore, String sslMode, Throwable failure);

    /** mssql-jdbc's PRELOGIN exchange failed (before any TLS in TDS 7.x: encryption refused, strict-only server). */
    void preloginFailed(Object connection, String host, int port, Throwable failure);

    /*
     * SSLEngine: {@code connection} is the connection's output record, the one object all engine hooks can reach;
     * the sink compares it by identity and never calls it.
     */

    /** {@code TransportContext.kickstart()} on a connection not yet negotiated; {@code transport}: socket or engine. */
    void engineStart(Object transport, Object connection);

    /** An engine's connection is writing a handshake message of {@code type}. */
    void engineMessageSent(Object connection, int type);

    /** A connection (socket or engine) received a handshake message of {@code type}. */
    void engineMessageReceived(Object connection, int type, Object body);

    /** A connection (socket or engine) finished its handshake. */
    void engineFinished(Object connection);

    /** A connection (socket or engine) failed fatally with {@code failure}. */
    void engineFailed(Object connection, Throwable failure);

    /** An engine's inbound side is being closed (the TCP connection ended). */
    void engineInboundClosed(Object connection);

    /** r2dbc-mssql made a Netty {@code SslHandler} for a connection; {@code factory} holds its configuration. */
    void driverHandler(Object sslHandler, Object factory);

    /**
     * vertx-mssql-client is about to add {@code sslHandler} to a connection's pipeline; {@code handler} is its
     * {@code TdsLoginSentCompletionHandler}, {@code encryptionLevel} the server's PRELOGIN answer.
     */
    void vertxHandler(Object sslHandler, Object handler, byte encryptionLevel);

    /** A Netty {@code SslHandler} is being made around {@code engine} (JSSE or not). */
    void nettyEngine(Object engine);

    /**
     * java.net.http's TLS flow over {@code engine} ended ({@code cause} null) or failed; a handshake still in flight
     * then never ends otherwise.
     */
    void engineFlowEnded(Object engine, Throwable cause);
}
