package io.tlscompat.agent.output;

import io.tlscompat.agent.record.HandshakeRecord;

/** One destination of diagnosed records (file, stderr, JFR, JMX); called on the writer thread only. */
public interface RecordConsumer {
    void consume(HandshakeRecord record);

    /** Called once at shutdown; flush and release. */
    void close();
}
