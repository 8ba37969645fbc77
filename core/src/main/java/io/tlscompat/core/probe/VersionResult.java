package io.tlscompat.core.probe;

import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one protocol version on one path gave: accepted suites (in order), server order, how the walk ended. */
final class VersionResult {
    private final ProbePath path;
    private final TlsVersion version;
    private final List<Integer> accepted;
    private final boolean serverOrder;
    private final HelloResponse end;
    private final List<HelloResponse> answers;

    /**
     * @param end the answer that ended the walk (a refusal, another version, silence), or null when every offered
     *            suite was accepted
     */
    VersionResult(ProbePath path, TlsVersion version, List<Integer> accepted, boolean serverOrder, HelloResponse end,
            List<HelloResponse> answers) {
        this.path = path;
        this.version = version;
        this.accepted = Collections.unmodifiableList(new ArrayList<>(accepted));
        this.serverOrder = serverOrder;
        this.end = end;
        this.answers = Collections.unmodifiableList(new ArrayList<>(answers));
    }

    ProbePath path() {
        return path;
    }

    TlsVersion version() {
        return version;
    }

    /** Accepted suite values, in the server's order when {@link #serverOrder()}, else in the probe's offer order. */
    List<Integer> accepted() {
        return accepted;
    }

    boolean isAccepted() {
        return !accepted.isEmpty();
    }

    boolean serverOrder() {
        return serverOrder;
    }

    /** How the server refused the last hello ("reset", "close", "alert:name"), or null. */
    String rejection() {
        return end != null && end.kind() == HelloResponse.Kind.REJECTED ? end.rejection() : null;
    }

    /** Why the answer was not TLS, or null. */
    String notTls() {
        return end != null && end.kind() == HelloResponse.Kind.NOT_TLS ? end.rejection() : null;
    }

    /** Why the answer that ended the walk was malformed TLS (see {@link HelloResponse#flaw()}), or null. */
    String flaw() {
        return end == null ? null : end.flaw();
    }

    /** True when the walk ended because the server did not answer at all. */
    boolean endedInSilence() {
        return end != null && end.kind() == HelloResponse.Kind.NO_ANSWER;
    }

    /** The accepting answers, one per accepted suite. */
    List<HelloResponse> answers() {
        return answers;
    }
}
