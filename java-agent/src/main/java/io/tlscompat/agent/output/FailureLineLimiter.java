package io.tlscompat.agent.output;

import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps stderr readable under a storm of failures. Per server, outcome and diagnosis, the first failure gets its full
 * line; later ones are only counted, and while they keep coming one {@link #FOLDED} line at most every
 * {@link #FOLD_INTERVAL_MILLIS} says how many there were (and a last one at exit). So one kind of failure writes at
 * most 1 + 6 lines a minute, however many handshakes fail. Only stderr is limited: the file, JFR and JMX get every
 * record. At most {@link #MAX_KEYS} kinds are remembered; the least recently seen is flushed and forgotten.
 * Writer thread only (not thread-safe).
 */
public final class FailureLineLimiter {
    /** {@code %s}: count (grouped, {@code 1,487}), outcome plural, server, local time of the first, diagnosis. */
    public static final String FOLDED = StderrReporter.PREFIX + "\u2026 and %s more %s from %s since %s, %s";
    /** Stands for the diagnosis in {@link #FOLDED} when the failures have none. */
    public static final String NO_DIAGNOSIS = "no diagnosis";
    /** At most one folded line per kind of failure in this interval. */
    public static final long FOLD_INTERVAL_MILLIS = 10000;
    static final int MAX_KEYS = 256;

    /** One kind of failure: what was printed last and what was counted since. */
    private static final class Kind {
        final String outcomeWords;
        final String server;
        final String diagnosis;
        long lastLineMillis;
        long suppressed;
        long firstSuppressedMillis;

        Kind(String outcomeWords, String server, String diagnosis) {
            this.outcomeWords = outcomeWords;
            this.server = server;
            this.diagnosis = diagnosis;
        }
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<String, Kind>(16, 0.75f, true);

    /**
     * A failed handshake's record arrived.
     *
     * @return the lines to print now: the record's full line for the first of its kind, a folded line when one is
     *     due, or nothing
     */
    public List<String> offer(HandshakeRecord r, long nowMillis) {
        List<String> lines = new ArrayList<String>(2);
        String diagnosis = r.diagnosis() == null ? NO_DIAGNOSIS : r.diagnosis().code().code();
        String key = r.server() + '\u0000' + r.outcome().value() + '\u0000' + diagnosis;
        Kind k = kinds.get(key);
        if (k == null) {
            if (kinds.size() >= MAX_KEYS) {
                Iterator<Kind> eldest = kinds.values().iterator();
                fold(eldest.next(), lines);
                eldest.remove();
            }
            k = new Kind(plural(r.outcome()), r.server(), diagnosis);
            k.lastLineMillis = nowMillis;
            kinds.put(key, k);
            lines.add(StderrReporter.line(r));
            return lines;
        }
        if (k.suppressed == 0) {
            k.firstSuppressedMillis = r.timeMillis();
        }
        k.suppressed++;
        if (nowMillis - k.lastLineMillis >= FOLD_INTERVAL_MILLIS) {
            fold(k, lines);
            k.lastLineMillis = nowMillis;
        }
        return lines;
    }

    /** The folded lines whose interval has passed (called when the writer is idle). */
    public List<String> due(long nowMillis) {
        List<String> lines = new ArrayList<String>();
        for (Kind k : kinds.values()) {
            if (k.suppressed > 0 && nowMillis - k.lastLineMillis >= FOLD_INTERVAL_MILLIS) {
                fold(k, lines);
                k.lastLineMillis = nowMillis;
            }
        }
        return lines;
    }

    /** Every pending folded line, whatever the interval (at exit). */
    public List<String> flush() {
        List<String> lines = new ArrayList<String>();
        for (Kind k : kinds.values()) {
            fold(k, lines);
        }
        return lines;
    }

    private static void fold(Kind k, List<String> lines) {
        if (k.suppressed == 0) {
            return;
        }
        lines.add(String.format(Locale.ROOT, FOLDED, String.format(Locale.ROOT, "%,d", k.suppressed),
                k.outcomeWords, k.server, new SimpleDateFormat("HH:mm:ss", Locale.ROOT)
                        .format(new Date(k.firstSuppressedMillis)), k.diagnosis));
        k.suppressed = 0;
    }

    /** "resets", "closes"…: the words {@link #FOLDED} counts in. */
    static String plural(Outcome o) {
        switch (o) {
            case CLIENT_REJECTED:
                return "client rejections";
            case CLOSED_LOCALLY:
                return "local closes";
            default:
                return o.value() + "s";
        }
    }
}
