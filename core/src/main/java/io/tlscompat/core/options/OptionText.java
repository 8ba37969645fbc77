package io.tlscompat.core.options;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The agent's option text {@code key=value,key=value}, parsed and written in one place, so that what the gate's
 * rehearsal writes is exactly what the agent reads.
 *
 * <p>The escaping rule: a value is taken literally up to the next comma, with spaces around it trimmed. A value
 * that holds a comma, starts with a double quote or has leading or trailing spaces is written in double quotes,
 * with each double quote inside it doubled: {@code log="/tmp/a,b/tls.jsonl"}. An {@code '='} needs no escaping
 * (only the first one in an entry ends the key), and neither does a backslash, so Windows paths stay as they are.
 * Text without quotes parses exactly as it did before quoting existed.
 */
public final class OptionText {
    /** Message for an entry without '='; {@code %s} = the entry. */
    public static final String NOT_KEY_VALUE =
            "agent option '%s' is not key=value; write e.g. log=/var/log/app/tls.jsonl";
    /** Message for a quoted value without its closing quote; {@code %s} = the key. */
    public static final String UNCLOSED_QUOTE =
            "agent option %s has no closing double quote; write e.g. log=\"/tmp/a,b/tls.jsonl\"";
    /** Message for text after a quoted value; {@code %s} = the key. */
    public static final String AFTER_QUOTE =
            "agent option %s has text after its closing double quote; end the value there or double the quote";

    private OptionText() {
    }

    /**
     * @param text {@code key=value,...}; null or blank for none
     * @return the entries in the order written (a repeated key keeps its last value)
     * @throws IllegalArgumentException with a one-line message naming the bad entry and the fix
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> entries = new LinkedHashMap<String, String>();
        if (text == null) {
            return entries;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            int comma = text.indexOf(',', i);
            int eq = text.indexOf('=', i);
            if (eq < 0 || (comma >= 0 && comma < eq)) {
                // No '=' before the entry's end: blank entries (",,", a trailing comma) are skipped.
                int end = comma < 0 ? n : comma;
                String entry = text.substring(i, end).trim();
                if (!entry.isEmpty()) {
                    throw new IllegalArgumentException(String.format(NOT_KEY_VALUE, entry));
                }
                i = end + 1;
                continue;
            }
            String key = text.substring(i, eq).trim();
            if (key.isEmpty()) {
                int end = comma < 0 ? n : comma;
                throw new IllegalArgumentException(String.format(NOT_KEY_VALUE, text.substring(i, end).trim()));
            }
            int v = eq + 1;
            while (v < n && text.charAt(v) == ' ') {
                v++;
            }
            if (v < n && text.charAt(v) == '"') {
                StringBuilder value = new StringBuilder();
                int j = v + 1;
                while (true) {
                    if (j >= n) {
                        throw new IllegalArgumentException(String.format(UNCLOSED_QUOTE, key));
                    }
                    char c = text.charAt(j);
                    if (c == '"') {
                        if (j + 1 < n && text.charAt(j + 1) == '"') {
                            value.append('"');
                            j += 2;
                            continue;
                        }
                        j++;
                        break;
                    }
                    value.append(c);
                    j++;
                }
                while (j < n && text.charAt(j) == ' ') {
                    j++;
                }
                if (j < n && text.charAt(j) != ',') {
                    throw new IllegalArgumentException(String.format(AFTER_QUOTE, key));
                }
                entries.put(key, value.toString());
                i = j + 1;
            } else {
                int end = comma < 0 ? n : comma;
                entries.put(key, text.substring(eq + 1, end).trim());
                i = end + 1;
            }
        }
        return entries;
    }

    /**
     * Writes entries so that {@link #parse} returns them unchanged.
     *
     * @param entries keys (no '=', ',' or surrounding spaces) and values, in the order to write them
     * @throws IllegalArgumentException for a key that cannot be written
     */
    public static String write(Map<String, String> entries) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = e.getKey();
            if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf(',') >= 0 || key.indexOf('"') >= 0
                    || !key.trim().equals(key)) {
                throw new IllegalArgumentException("agent option key '" + key + "' cannot be written");
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(key).append('=').append(quoted(e.getValue()));
        }
        return out.toString();
    }

    private static String quoted(String value) {
        boolean plain = value.indexOf(',') < 0 && !value.startsWith("\"") && value.trim().equals(value);
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
