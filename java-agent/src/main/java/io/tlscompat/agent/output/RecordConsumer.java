package io.tlscompat.agent.output;

import io.tlscompat.agent.record.HandshakeRecord;

/** One destination of diagnosed records (file, stderr, JFR, JMX); called on the writer thread only. */
public interface RecordConsumer {
    void consume(HandshakeRecord record);

    /** Called once at shutdown; flush and release. */
    void close();

    /** Called once on the writer thread before the first record: for set-up that must not cost start-up time. */
    default void start() {
    }

    /** The queue is empty for now: a good moment to flush buffered output. */
    default void idle() {
    }
}
