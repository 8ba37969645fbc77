package io.tlscompat.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.junit.jupiter.api.Test;

/**
 * The SSLEngine side of {@link HandshakeTracker} with real JDK engines: the hooks' calls are made directly here (the
 * ITs make them through the instrumented JDK), so the table's bounds can be checked without a network.
 */
class EngineHandshakesTest {
    private final List<HandshakeRecord> records = new ArrayList<>();
    private final HandshakeTracker tracker = new HandshakeTracker(records::add, new JdbcContextReader());

    private static SSLEngine client(String host, int port) throws Exception {
        SSLEngine e = SSLContext.getDefault().createSSLEngine(host, port);
        e.setUseClientMode(true);
        return e;
    }

    @Test
    void sixtyFourConcurrentHandshakesAreAllFollowedAndEachEndsOnce() throws Exception {
        List<Object> connections = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Object connection = new Object();
            connections.add(connection);
            tracker.engineStart(client("db" + i, 1433), connection);
            tracker.engineStart(client("db" + i, 1433), connection); // kickstart again: still one handshake
            tracker.engineMessageSent(connection, 1);
        }
        assertThat(tracker.enginesInFlight()).isEqualTo(64);
        for (Object connection : connections) {
            tracker.engineInboundClosed(connection);
            tracker.engineFailed(connection, new javax.net.ssl.SSLException("closing inbound"));
        }
        assertThat(tracker.enginesInFlight()).isZero();
        assertThat(records).hasSize(64).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.RESET);
            assertThat(r.phase()).isEqualTo(Phase.CLIENT_HELLO_SENT);
            assertThat(r.transport()).isEqualTo(HandshakeRecord.TRANSPORT_ENGINE);
            assertThat(r.peerPort()).isEqualTo(1433);
        });
    }

    @Test
    void abandonedEnginesDoNotGrowTheTableBeyondItsBound() throws Exception {
        int abandoned = EngineHandshakes.MAX_IN_FLIGHT * 3;
        for (int i = 0; i < abandoned; i++) {
            Object connection = new Object();
            tracker.engineStart(client(null, -1), connection);
            tracker.engineMessageSent(connection, 1);
        }
        assertThat(tracker.enginesInFlight()).isLessThanOrEqualTo(EngineHandshakes.MAX_IN_FLIGHT);
        assertThat(tracker.enginesAbandoned()).isGreaterThanOrEqualTo(abandoned - EngineHandshakes.MAX_IN_FLIGHT);
        assertThat(records).isEmpty();
    }

    @Test
    void serverEnginesSocketsAndAnEngineWithoutPeerAreHandledWithoutThrowing() throws Exception {
        SSLEngine server = SSLContext.getDefault().createSSLEngine();
        server.setUseClientMode(false);
        tracker.engineStart(server, new Object());
        tracker.engineStart(new Object(), new Object());
        assertThat(tracker.enginesInFlight()).isZero();

        Object connection = new Object();
        tracker.engineStart(client(null, -1), connection);
        tracker.engineMessageSent(connection, 1);
        tracker.engineMessageReceived(connection, 2, null);
        tracker.engineFailed(connection, new javax.net.ssl.SSLHandshakeException("Received fatal alert: handshake_failure"));
        assertThat(records).hasSize(1);
        HandshakeRecord r = records.get(0);
        assertThat(r.peerHost()).isNull();
        assertThat(r.peerPort()).isEqualTo(-1);
        assertThat(r.phase()).isEqualTo(Phase.SERVER_HELLO_RECEIVED);
        assertThat(r.offeredProtocols()).isNotEmpty();
        // unknown connections and nulls are ignored
        tracker.engineFinished(new Object());
        tracker.engineInboundClosed(null);
        tracker.engineMessageSent(null, 1);
        assertThat(records).hasSize(1);
    }

    @Test
    void enginesThatBypassJsseAreToldApartFromNettysJdkWrappers() {
        assertThat(HandshakeTracker.bypassesJsse("io.netty.handler.ssl.ReferenceCountedOpenSslEngine")).isTrue();
        assertThat(HandshakeTracker.bypassesJsse("io.netty.handler.ssl.OpenSslEngine")).isTrue();
        assertThat(HandshakeTracker.bypassesJsse("org.bouncycastle.jsse.provider.ProvSSLEngine")).isTrue();
        assertThat(HandshakeTracker.bypassesJsse("io.netty.handler.ssl.Java9SslEngine")).isFalse();
        assertThat(HandshakeTracker.bypassesJsse("sun.security.ssl.SSLEngineImpl")).isFalse();

        // A JSSE engine is never reported, and nothing is printed without a notice stream.
        tracker.nettyEngine(new Object());
        tracker.nettyEngine(null);
    }

    @Test
    void javaNetHttpEndingItsFlowEndsTheEnginesHandshakeByItsCause() throws Exception {
        Object[][] cases = {
            {new java.net.SocketException("Connection reset"), Outcome.RESET},
            {null, Outcome.CLOSE},
            {new java.io.IOException(HandshakeTracker.HTTP_CLOSED_LOCALLY), Outcome.CLOSED_LOCALLY},
        };
        for (Object[] c : cases) {
            SSLEngine engine = client("web", 443);
            Object connection = new Object();
            tracker.engineStart(engine, connection);
            tracker.engineMessageSent(connection, 1);
            // An SSLException was fatal inside JSSE, which recorded it already: the flow's end adds nothing.
            tracker.engineFlowEnded(engine, new javax.net.ssl.SSLException("fatal"));
            assertThat(tracker.enginesInFlight()).isEqualTo(1);
            tracker.engineFlowEnded(engine, (Throwable) c[0]);
            assertThat(tracker.enginesInFlight()).isZero();
            assertThat(records.get(records.size() - 1).outcome()).isEqualTo(c[1]);
        }
        assertThat(records).hasSize(3);
    }
}
