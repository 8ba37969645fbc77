package io.tlscompat.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds {@code spring.datasource.url} in Spring Boot style {@code application*.properties} and
 * {@code application*.yml|yaml} under {@code src/main/resources}, with the file and line it came from. The YAML
 * reader follows indentation only (nested or dotted keys), which is all a datasource URL needs.
 */
final class SpringDatasourceDiscovery {
    /** One discovered URL. */
    static final class Found {
        final String url;
        final String path;
        final int line;

        Found(String url, String path, int line) {
            this.url = url;
            this.path = path;
            this.line = line;
        }
    }

    private SpringDatasourceDiscovery() {
    }

    static List<Found> discover(File basedir) throws IOException {
        List<Found> out = new ArrayList<>();
        File dir = new File(basedir, "src/main/resources");
        File[] files = dir.listFiles((d, name) -> name.startsWith("application")
                && (name.endsWith(".properties") || name.endsWith(".yml") || name.endsWith(".yaml")));
        if (files == null) {
            return out;
        }
        // The base file first (application.properties/yml), then the profile files by name.
        Arrays.sort(files, (a, b) -> {
            boolean baseA = a.getName().startsWith("application.");
            boolean baseB = b.getName().startsWith("application.");
            return baseA != baseB ? (baseA ? -1 : 1) : a.getName().compareTo(b.getName());
        });
        for (File f : files) {
            List<String> lines = Files.readAllLines(f.toPath(), StandardCharsets.UTF_8);
            String rel = "src/main/resources/" + f.getName();
            if (f.getName().endsWith(".properties")) {
                properties(lines, rel, out);
            } else {
                yaml(lines, rel, out);
            }
        }
        return out;
    }

    private static void properties(List<String> lines, String rel, List<Found> out) {
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.startsWith("#") || l.startsWith("!")) {
                continue;
            }
            int sep = indexOfSeparator(l);
            if (sep > 0 && l.substring(0, sep).trim().equals("spring.datasource.url")) {
                add(l.substring(sep + 1).trim(), rel, i + 1, out);
            }
        }
    }

    private static int indexOfSeparator(String l) {
        int eq = l.indexOf('=');
        int colon = l.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static void yaml(List<String> lines, String rel, List<Found> out) {
        List<Integer> indents = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i);
            String t = raw.trim();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("-")) {
                continue;
            }
            if (t.equals("---")) {
                indents.clear();
                keys.clear();
                continue;
            }
            int indent = raw.indexOf(t.charAt(0));
            int colon = t.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                keys.remove(keys.size() - 1);
            }
            String key = t.substring(0, colon).trim();
            String value = t.substring(colon + 1).trim();
            String path = keys.isEmpty() ? key : String.join(".", keys) + "." + key;
            if (value.isEmpty()) {
                indents.add(indent);
                keys.add(key);
            } else if (path.equals("spring.datasource.url")) {
                add(unquote(value), rel, i + 1, out);
            }
        }
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static void add(String url, String rel, int line, List<Found> out) {
        // ${...} placeholders cannot be resolved at build time; only literal SQL Server URLs are targets.
        if (url.startsWith("jdbc:sqlserver:") || url.startsWith("jdbc:jtds:sqlserver:")) {
            out.add(new Found(url, rel, line));
        }
    }
}
