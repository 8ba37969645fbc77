package io.tlscompat.agent;

import io.tlscompat.core.options.OptionText;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The agent's options, parsed in one place from {@code key=value,key=value} (the same text for {@code -javaagent:}
 * and for {@code attach}; a value holding a comma is written in double quotes, see {@link OptionText}). Unknown
 * keys and bad values are rejected with a message naming the input and the valid keys; {@link #parse} never returns half-parsed options.
 */
public final class AgentOptions {
    /** The options users set, in the order the error message and {@code attach --help} list them. */
    public static final List<String> KEYS = Collections.unmodifiableList(Arrays.asList(
            "log", "maxFileSize", "maxFiles", "stderr", "probe", "probeInterval", "queue", "jfr", "jmx", "summary"));
    /**
     * The gate's rehearsal fork only ({@code rehearsal=handshake}, honoured under {@code RehearsalMain} alone), so
     * it is accepted but not advertised among {@link #KEYS}.
     */
    public static final String REHEARSAL_KEY = "rehearsal";
    /** Message for an unknown key; {@code %s} = the key, the valid keys. */
    public static final String UNKNOWN_KEY = "unknown agent option '%s'; valid options: %s";
    /** Message for an entry without '='. */
    public static final String NOT_KEY_VALUE = OptionText.NOT_KEY_VALUE;
    /** Message for a bad value. */
    public static final String BAD_VALUE = "agent option %s=%s is invalid: %s";

    private final String log;
    private final long maxFileSize;
    private final int maxFiles;
    private final boolean stderr;
    private final boolean probe;
    private final long probeIntervalSeconds;
    private final int queue;
    private final boolean jfr;
    private final boolean jmx;
    private final boolean summary;
    private final boolean rehearsal;

    private AgentOptions(Map<String, String> m) {
        log = m.get("log");
        maxFileSize = size("maxFileSize", m.containsKey("maxFileSize") ? m.get("maxFileSize") : "10m");
        maxFiles = (int) number("maxFiles", m.containsKey("maxFiles") ? m.get("maxFiles") : "5", 1, 100);
        stderr = bool("stderr", m.get("stderr"), true);
        probe = bool("probe", m.get("probe"), true);
        probeIntervalSeconds = number("probeInterval", m.containsKey("probeInterval") ? m.get("probeInterval")
                : "600", 0, Integer.MAX_VALUE);
        queue = (int) number("queue", m.containsKey("queue") ? m.get("queue") : "4096", 1, 1000000);
        jfr = bool("jfr", m.get("jfr"), true);
        jmx = bool("jmx", m.get("jmx"), true);
        summary = bool("summary", m.get("summary"), true);
        rehearsal = rehearsal(m.get("rehearsal"));
    }

    /** {@code rehearsal=handshake} (the gate's rehearsal fork only, see {@link RehearsalGuard}) or {@code off}. */
    private static boolean rehearsal(String value) {
        if (value == null || value.equalsIgnoreCase("off")) {
            return false;
        }
        if (value.equalsIgnoreCase("handshake")) {
            return true;
        }
        throw new IllegalArgumentException(String.format(BAD_VALUE, "rehearsal", value, "use handshake or off"));
    }

    /** Defaults for everything: no file, stderr lines, probe on (once per server per 10 minutes), JFR and JMX on. */
    public static AgentOptions defaults() {
        return parse(null);
    }

    /**
     * @param text {@code key=value,...}; null or blank for the defaults
     * @throws IllegalArgumentException with a one-line message naming the bad input and the fix
     */
    public static AgentOptions parse(String text) {
        Map<String, String> m = OptionText.parse(text);
        for (String key : m.keySet()) {
            if (!KEYS.contains(key) && !REHEARSAL_KEY.equals(key)) {
                throw new IllegalArgumentException(String.format(UNKNOWN_KEY, key, String.join(", ", KEYS)));
            }
        }
        return new AgentOptions(m);
    }

    /**
     * The option text for these entries, quoted where a value needs it (see {@link OptionText}), so that
     * {@link #parse} reads back exactly these values.
     */
    public static String write(Map<String, String> entries) {
        return OptionText.write(entries);
    }

    private static boolean bool(String key, String value, boolean dflt) {
        if (value == null) {
            return dflt;
        }
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("on") || v.equals("yes")) {
            return true;
        }
        if (v.equals("false") || v.equals("off") || v.equals("no")) {
            return false;
        }
        throw new IllegalArgumentException(String.format(BAD_VALUE, key, value, "use true or false"));
    }

    private static long number(String key, String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(String.format(BAD_VALUE, key, value,
                        "use a number from " + min + " to " + max));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(BAD_VALUE, key, value, "use a whole number"));
        }
    }

    /** Sizes like {@code 10m}, {@code 512k}, {@code 1g} or plain bytes; at least 1 KiB. */
    private static long size(String key, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        long factor = 1;
        if (v.endsWith("k")) {
            factor = 1024L;
        } else if (v.endsWith("m")) {
            factor = 1024L * 1024;
        } else if (v.endsWith("g")) {
            factor = 1024L * 1024 * 1024;
        }
        String digits = factor == 1 ? v : v.substring(0, v.length() - 1);
        try {
            long n = Long.parseLong(digits) * factor;
            if (n < 1024) {
                throw new IllegalArgumentException(String.format(BAD_VALUE, key, value, "use at least 1k"));
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(String.format(BAD_VALUE, key, value, "use a size such as 10m"));
        }
    }

    /** The JSON Lines file, or null for none. */
    public String log() {
        return log;
    }

    public long maxFileSize() {
        return maxFileSize;
    }

    public int maxFiles() {
        return maxFiles;
    }

    public boolean stderr() {
        return stderr;
    }

    public boolean probe() {
        return probe;
    }

    public long probeIntervalSeconds() {
        return probeIntervalSeconds;
    }

    public int queue() {
        return queue;
    }

    public boolean jfr() {
        return jfr;
    }

    public boolean jmx() {
        return jmx;
    }

    public boolean summary() {
        return summary;
    }

    /**
     * True for {@code rehearsal=handshake}: end every client connection as soon as its TLS handshake completes, so
     * the driver never sends LOGIN7. Honoured only in the gate's rehearsal fork ({@link RehearsalGuard}).
     */
    public boolean rehearsal() {
        return rehearsal;
    }
}
