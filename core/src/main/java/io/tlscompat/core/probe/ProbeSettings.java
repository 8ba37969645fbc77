package io.tlscompat.core.probe;

/**
 * How a {@link TdsProbe} behaves: timeouts, the overall deadline, how many connections run at once, which paths to
 * probe and who hears about progress. Immutable; make one with {@link #builder()}.
 */
public final class ProbeSettings {
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final long deadlineMillis;
    private final int parallelism;
    private final boolean tds7;
    private final boolean tds8;
    private final ProbeListener listener;

    private ProbeSettings(Builder b) {
        this.connectTimeoutMillis = b.connectTimeoutMillis;
        this.readTimeoutMillis = b.readTimeoutMillis;
        this.deadlineMillis = b.deadlineMillis;
        this.parallelism = b.parallelism;
        this.tds7 = b.tds7;
        this.tds8 = b.tds8;
        this.listener = b.listener;
    }

    /** A builder with the defaults: 3 s connect, 3 s read, 20 s deadline, 4 in parallel, both paths, no listener. */
    public static Builder builder() {
        return new Builder();
    }

    /** The defaults. */
    public static ProbeSettings defaults() {
        return builder().build();
    }

    public int connectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public int readTimeoutMillis() {
        return readTimeoutMillis;
    }

    /** The whole probe ends within this many milliseconds, or fails with {@link ProbeException.Reason#TIMEOUT}. */
    public long deadlineMillis() {
        return deadlineMillis;
    }

    /** At most this many connections are open at the same time. */
    public int parallelism() {
        return parallelism;
    }

    /** Whether to probe the TDS 7.x path (PRELOGIN, then TLS inside TDS packets). */
    public boolean tds7() {
        return tds7;
    }

    /** Whether to probe the TDS 8 strict path (TLS first, ALPN tds/8.0). */
    public boolean tds8() {
        return tds8;
    }

    public ProbeListener listener() {
        return listener;
    }

    /** A builder holding this object's values. */
    public Builder toBuilder() {
        return new Builder().connectTimeoutMillis(connectTimeoutMillis).readTimeoutMillis(readTimeoutMillis)
                .deadlineMillis(deadlineMillis).parallelism(parallelism).tds7(tds7).tds8(tds8).listener(listener);
    }

    /** Collects settings; every setter checks its value. */
    public static final class Builder {
        private int connectTimeoutMillis = 3000;
        private int readTimeoutMillis = 3000;
        private long deadlineMillis = 20000;
        private int parallelism = 4;
        private boolean tds7 = true;
        private boolean tds8 = true;
        private ProbeListener listener = ProbeListener.NONE;

        private Builder() {
        }

        public Builder connectTimeoutMillis(int millis) {
            this.connectTimeoutMillis = positive(millis, "connect timeout");
            return this;
        }

        public Builder readTimeoutMillis(int millis) {
            this.readTimeoutMillis = positive(millis, "read timeout");
            return this;
        }

        public Builder deadlineMillis(long millis) {
            if (millis <= 0) {
                throw new IllegalArgumentException("deadline must be positive, got " + millis + " ms");
            }
            this.deadlineMillis = millis;
            return this;
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = positive(parallelism, "parallelism");
            return this;
        }

        public Builder tds7(boolean tds7) {
            this.tds7 = tds7;
            return this;
        }

        public Builder tds8(boolean tds8) {
            this.tds8 = tds8;
            return this;
        }

        public Builder listener(ProbeListener listener) {
            this.listener = listener == null ? ProbeListener.NONE : listener;
            return this;
        }

        /** @throws IllegalArgumentException when both paths are switched off */
        public ProbeSettings build() {
            if (!tds7 && !tds8) {
                throw new IllegalArgumentException("nothing to probe: enable the TDS 7.x path, the TDS 8 path or both");
            }
            return new ProbeSettings(this);
        }

        private static int positive(int value, String what) {
            if (value <= 0) {
                throw new IllegalArgumentException(what + " must be positive, got " + value);
            }
            return value;
        }
    }
}
