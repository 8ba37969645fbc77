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

    /** mssql-jdbc's PRELOGIN exchange failed (before any TLS in TDS 7.x: encryption refused, strict-only server). */
    void preloginFailed(Object connection, String host, int port, Throwable failure);
}
