package io.tlscompat.agent.diagnosis;

import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.security.Privileged;
import io.tlscompat.core.profile.ServerProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Probes a server in the background when a record cannot name its cause: at most once per server per interval,
 * on one daemon thread with a small bounded queue, never on a handshake thread. Records waiting for a probe are
 * parked (bounded) and handed back through {@link Callback} when the probe ends, with the profile or null.
 */
public final class ProbeScheduler {
    /** Receives parked records when their server's probe is done. */
    public interface Callback {
        void probed(List<HandshakeRecord> records, ServerProfile profileOrNull);
    }

    static final int MAX_SERVERS = 256;
    static final int MAX_PARKED_PER_SERVER = 64;

    private static final class ServerState {
        long lastProbeMillis;
        ServerProfile profile;
        List<HandshakeRecord> parked;
    }

    private final ServerProber prober;
    private final long intervalMillis;
    private final Callback callback;
    private final ThreadPoolExecutor executor;
    private final Map<String, ServerState> servers = new LinkedHashMap<String, ServerState>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ServerState> eldest) {
            return size() > MAX_SERVERS && eldest.getValue().parked == null;
        }
    };

    public ProbeScheduler(ServerProber prober, long intervalMillis, Callback callback) {
        this.prober = prober;
        this.intervalMillis = intervalMillis;
        this.callback = callback;
        this.executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<Runnable>(16),
                new ThreadFactory() {
                    @Override
                    public Thread newThread(Runnable r) {
                        // Privileged: the probe reads security properties and opens sockets with the agent's rights.
                        return Privileged.newThread(r, "tls-compat-probe", true);
                    }
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** What happened to a record handed to {@link #submit}. */
    public enum Result {
        /** Diagnose now with {@link #freshProfile}. */
        CACHED,
        /** Parked; the callback will get it. */
        PARKED,
        /** Rate-limited (recent probe failed) or overloaded: diagnose without a probe. */
        NOT_PROBED
    }

    /** A profile probed within the interval, or null. */
    public synchronized ServerProfile freshProfile(String server) {
        ServerState s = servers.get(server);
        if (s == null || s.profile == null || System.currentTimeMillis() - s.lastProbeMillis > intervalMillis) {
            return null;
        }
        return s.profile;
    }

    public synchronized Result submit(final HandshakeRecord r) {
        final String server = r.server();
        ServerState s = servers.get(server);
        long now = System.currentTimeMillis();
        if (s != null && s.parked != null) {
            if (s.parked.size() >= MAX_PARKED_PER_SERVER) {
                return Result.NOT_PROBED;
            }
            s.parked.add(r);
            return Result.PARKED;
        }
        if (s != null && now - s.lastProbeMillis <= intervalMillis) {
            return s.profile != null ? Result.CACHED : Result.NOT_PROBED;
        }
        if (s == null) {
            s = new ServerState();
            servers.put(server, s);
        }
        final ServerState state = s;
        state.lastProbeMillis = now;
        state.profile = null;
        state.parked = new ArrayList<HandshakeRecord>();
        state.parked.add(r);
        try {
            executor.execute(new Runnable() {
                @Override
                public void run() {
                    probe(r.peerHost(), r.peerPort(), state);
                }
            });
            return Result.PARKED;
        } catch (RuntimeException rejected) {
            state.parked = null;
            return Result.NOT_PROBED;
        }
    }

    private void probe(String host, int port, ServerState state) {
        ServerProfile profile = null;
        try {
            profile = prober.probe(host, port);
        } catch (Throwable t) {
            // unreachable or not TDS: the records go out with the record-only diagnosis
        }
        List<HandshakeRecord> parked;
        synchronized (this) {
            state.profile = profile;
            state.lastProbeMillis = System.currentTimeMillis();
            parked = state.parked;
            state.parked = null;
        }
        if (parked != null) {
            callback.probed(parked, profile);
        }
    }

    /**
     * At JVM exit: lets running probes finish for up to {@code waitMillis} (so their records get the probe's
     * diagnosis), then returns the records still parked, for the caller to write without a probe.
     */
    public List<HandshakeRecord> finish(long waitMillis) {
        executor.shutdown();
        try {
            executor.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor.shutdownNow();
        List<HandshakeRecord> left = new ArrayList<HandshakeRecord>();
        synchronized (this) {
            for (ServerState s : servers.values()) {
                if (s.parked != null) {
                    left.addAll(s.parked);
                    s.parked = null;
                }
            }
        }
        return left;
    }
}
