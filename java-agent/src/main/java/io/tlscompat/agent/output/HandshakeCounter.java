package io.tlscompat.agent.output;

import io.tlscompat.agent.record.HandshakeRecord;

/**
 * Counts a handshake where it ends, on the handshake thread and before the record queue, so that counters stay
 * exact when the queue is full and records are dropped. Must be quick and must never block for long.
 */
public interface HandshakeCounter {
    void count(HandshakeRecord record);
}
