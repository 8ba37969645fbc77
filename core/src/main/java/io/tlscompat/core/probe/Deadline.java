package io.tlscompat.core.probe;

/** The probe's overall time budget; every socket timeout is cut to what is left of it. */
final class Deadline {
    private final long startNanos = System.nanoTime();
    private final long budgetMillis;

    Deadline(long budgetMillis) {
        this.budgetMillis = budgetMillis;
    }

    long elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }

    long remainingMillis() {
        return budgetMillis - elapsedMillis();
    }

    long budgetMillis() {
        return budgetMillis;
    }

    /**
     * A socket timeout: the configured one, or less when the deadline is nearer.
     *
     * @throws ProbeException TIMEOUT when the deadline has passed
     */
    int timeout(int configuredMillis, String target) throws ProbeException {
        long remaining = remainingMillis();
        if (remaining <= 0) {
            throw new ProbeException(ProbeException.Reason.TIMEOUT,
                    String.format(ProbeMessages.DEADLINE, target, budgetMillis));
        }
        return (int) Math.max(1, Math.min(configuredMillis, remaining));
    }
}
