package io.tlscompat.agent.record;

/**
 * The mutable state of one handshake between {@code startHandshake} entry and exit, owned by its thread. Nested
 * handshakes on one thread (a trust manager fetching something over HTTPS) are chained through {@link #outer}.
 */
final class InFlightHandshake {
    /** The SSLSocket or SSLEngine. */
    final Object socket;
    final String peerHost;
    final int peerPort;
    final long startNanos;
    final long startMillis;
    final boolean clientMode;
    final JdbcContext jdbc;
    final InFlightHandshake outer;
    Phase phase;
    byte[] certificateDer;
    /** The suite code the ServerHello chose, or -1 before it. */
    int serverHelloSuite = -1;

    InFlightHandshake(Object socket, String peerHost, int peerPort, boolean clientMode, JdbcContext jdbc,
            InFlightHandshake outer) {
        this.socket = socket;
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.clientMode = clientMode;
        this.jdbc = jdbc;
        this.outer = outer;
        this.startNanos = System.nanoTime();
        this.startMillis = System.currentTimeMillis();
    }
}
