package io.tlscompat.agent.record;

/** Where finished records go from the handshake thread. Must return at once (the dispatcher only enqueues). */
public interface RecordSink {
    void accept(HandshakeRecord record);
}
