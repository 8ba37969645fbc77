package io.tlscompat.agent.record;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SSLEngine handshakes in flight, keyed by their connection's output record (compared by identity: JSSE's
 * {@code OutputRecord} does not override {@code equals}). An engine's handshake runs over many wrap/unwrap calls
 * and delegated tasks, on any thread, so a thread-local cannot follow it the way it follows an SSLSocket.
 *
 * <p>Bounded: an engine the application drops mid-handshake (never finished, failed or closed) would otherwise stay
 * here for good. When {@link #MAX_IN_FLIGHT} is reached, entries older than {@link #MAX_AGE_NANOS} go first, then
 * the oldest; each is counted as abandoned.
 */
final class EngineHandshakes {
    /** Far above any pool's concurrent handshakes (64 in the tests), small enough to be a few hundred KB at most. */
    static final int MAX_IN_FLIGHT = 1024;
    /** No handshake legitimately takes longer (Netty's default handshake timeout is 10 s). */
    static final long MAX_AGE_NANOS = 10L * 60 * 1000 * 1000 * 1000;

    private final Map<Object, InFlightHandshake> inFlight = new ConcurrentHashMap<Object, InFlightHandshake>();
    private final int capacity;
    private volatile long abandoned;

    EngineHandshakes() {
        this(MAX_IN_FLIGHT);
    }

    EngineHandshakes(int capacity) {
        this.capacity = capacity;
    }

    InFlightHandshake get(Object connection) {
        return connection == null ? null : inFlight.get(connection);
    }

    /** Starts following {@code connection} unless it is already followed. */
    void start(Object connection, InFlightHandshake handshake) {
        if (inFlight.size() >= capacity) {
            evict(System.nanoTime());
        }
        inFlight.put(connection, handshake);
    }

    /** Stops following {@code connection}; returns its state, or null when it was not followed. */
    InFlightHandshake remove(Object connection) {
        return connection == null ? null : inFlight.remove(connection);
    }

    /** Stops following the handshake of {@code transport} (a scan: only on a failure path). */
    InFlightHandshake removeByTransport(Object transport) {
        if (transport == null) {
            return null;
        }
        for (Map.Entry<Object, InFlightHandshake> e : inFlight.entrySet()) {
            if (e.getValue().socket == transport && inFlight.remove(e.getKey(), e.getValue())) {
                return e.getValue();
            }
        }
        return null;
    }

    int size() {
        return inFlight.size();
    }

    /** How many handshakes were dropped from the table without an end (the application abandoned the engine). */
    long abandoned() {
        return abandoned;
    }

    private synchronized void evict(long now) {
        InFlightHandshake oldest = null;
        Object oldestKey = null;
        for (Iterator<Map.Entry<Object, InFlightHandshake>> it = inFlight.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Object, InFlightHandshake> e = it.next();
            InFlightHandshake h = e.getValue();
            if (now - h.startNanos > MAX_AGE_NANOS) {
                it.remove();
                abandoned++;
            } else if (oldest == null || h.startNanos - oldest.startNanos < 0) {
                oldest = h;
                oldestKey = e.getKey();
            }
        }
        if (inFlight.size() >= capacity && oldestKey != null && inFlight.remove(oldestKey) != null) {
            abandoned++;
        }
    }
}
