package io.tlscompat.core.probe;

import io.tlscompat.core.tls.TlsVersion;

/**
 * Progress of a probe, for a command line that wants to show it. Every method has an empty default; calls may come
 * from several threads at once.
 */
public interface ProbeListener {
    /** A listener that ignores everything. */
    ProbeListener NONE = new ProbeListener() {
    };

    /**
     * A path starts being probed.
     *
     * @param path "tds7" or "tds8"
     */
    default void onPathStarted(String path) {
    }

    /**
     * One protocol version on one path is done.
     *
     * @param acceptedSuites how many suites the server accepted for it (0 when the version is refused)
     */
    default void onProtocolDone(String path, TlsVersion version, int acceptedSuites, long elapsedMillis) {
    }
}
