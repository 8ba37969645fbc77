package io.tlscompat.maven;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a {@code .properties} file with {@link Properties} itself, so escapes ({@code \:}, {@code \=}, unicode),
 * continuation lines and every separator mean what they mean to the application; the only thing added is the line
 * each key starts on. Spring Boot's multi-document marker ({@code #---} or {@code !---} on a line of its own) splits
 * the file into documents, each with its own {@code spring.config.activate.on-profile}.
 */
final class PropertiesFileReader {
    /** The key Spring Boot activates a document with. */
    static final String ON_PROFILE = "spring.config.activate.on-profile";

    private PropertiesFileReader() {
    }

    /**
     * @param fileProfile the profile of the whole file ({@code application-prod.properties}), or null
     */
    static List<ConfigEntry> read(String text, String path, String fileProfile) throws IOException {
        List<ConfigEntry> out = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int docStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || isDocumentSeparator(lines[i])) {
                document(lines, docStart, i, path, fileProfile, out);
                docStart = i + 1;
            }
        }
        return out;
    }

    private static boolean isDocumentSeparator(String line) {
        return line.equals("#---") || line.equals("!---");
    }

    private static void document(String[] lines, int from, int to, String path, String fileProfile,
            List<ConfigEntry> out) throws IOException {
        StringBuilder doc = new StringBuilder();
        for (int i = from; i < to; i++) {
            doc.append(lines[i]).append('\n');
        }
        Properties values = new Properties();
        values.load(new StringReader(doc.toString()));
        Map<String, Integer> keyLines = keyLines(lines, from, to);
        String profile = values.getProperty(ON_PROFILE, fileProfile);
        for (Map.Entry<String, Integer> k : keyLines.entrySet()) {
            String value = values.getProperty(k.getKey());
            if (value != null) {
                out.add(new ConfigEntry(k.getKey(), value, path, k.getValue(), profile));
            }
        }
    }

    /**
     * The line each key's last definition starts on (the one Properties keeps). Logical lines follow
     * Properties.load's rules: blank and comment lines ({@code #}, {@code !} first after white space) stand alone, and
     * a line ending in an odd number of backslashes continues on the next. Each logical line is then given to
     * Properties to learn its key, so the key is unescaped exactly as the values were.
     */
    private static Map<String, Integer> keyLines(String[] lines, int from, int to) throws IOException {
        Map<String, Integer> out = new LinkedHashMap<>();
        int i = from;
        while (i < to) {
            int start = i;
            String first = stripLeading(lines[i]);
            if (first.isEmpty() || first.charAt(0) == '#' || first.charAt(0) == '!') {
                i++;
                continue;
            }
            StringBuilder logical = new StringBuilder(lines[i]);
            while (endsWithOddBackslashes(lines[i]) && i + 1 < to) {
                i++;
                logical.append('\n').append(lines[i]);
            }
            i++;
            Properties one = new Properties();
            one.load(new StringReader(logical.toString()));
            for (String key : one.stringPropertyNames()) {
                out.remove(key);
                out.put(key, start + 1);
            }
        }
        return out;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
            i++;
        }
        return s.substring(i);
    }

    private static boolean endsWithOddBackslashes(String s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }
}
