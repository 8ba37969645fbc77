package io.tlscompat.agent.jmx;

import java.util.List;
import java.util.Map;

/**
 * The JMX view ({@code tlscompat:type=Handshakes}): totals plus one entry per server, so jconsole and JMX
 * exporters pick the counters up without new infrastructure.
 */
public interface HandshakesMXBean {
    long getAttempts();

    long getOk();

    long getFailures();

    long getResets();

    /**
     * Records dropped because the writer could not keep up (the queue was full). Their handshakes are still in
     * {@link #getAttempts()}, {@link #getOk()}, {@link #getFailures()} and the per-server counters: those count every
     * handshake before the queue.
     */
    long getDroppedRecords();

    /**
     * Records handed to every output (file, stderr, JFR, this MBean's counters) so far; with
     * {@link #getDroppedRecords()} it tells whether the outputs are complete.
     */
    long getRecordsWritten();

    Map<String, Long> getByDiagnosis();

    List<ServerHandshakes> getServers();
}
