package io.tlscompat.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;

/** Line lookups in the project's pom.xml, so SARIF results point at the dependency or the URL to change. */
final class PomLines {
    private final List<String> lines;

    PomLines(File pom) {
        List<String> read;
        try {
            read = pom != null && pom.isFile() ? Files.readAllLines(pom.toPath(), StandardCharsets.UTF_8)
                    : Collections.<String>emptyList();
        } catch (IOException e) {
            read = Collections.emptyList();
        }
        this.lines = read;
    }

    /** The 1-based line of the first occurrence of {@code text}, or 1 when absent. */
    int lineOf(String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return 1;
    }

    /**
     * The line of the {@code index}-th configured target: where its URL's text is or, when Maven interpolated it
     * (a {@code ${db.port}} in the pom), the {@code index}-th {@code <target>} element of {@code <targets>}; else 1.
     */
    int targetLine(String url, int index) {
        int literal = lineOf(url);
        if (literal > 1 || (!lines.isEmpty() && lines.get(0).contains(url))) {
            return literal;
        }
        int seen = 0;
        boolean inTargets = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            inTargets |= line.contains("<targets>");
            for (int at = line.indexOf("<target>"); inTargets && at >= 0; at = line.indexOf("<target>", at + 1)) {
                if (seen++ == index) {
                    return i + 1;
                }
            }
            if (line.contains("</targets>")) {
                inTargets = false;
            }
        }
        return 1;
    }

    /** The line of {@code <artifactId>artifactId</artifactId>}, or 1 (a transitive dependency). */
    int dependencyLine(String artifactId) {
        return lineOf("<artifactId>" + artifactId + "</artifactId>");
    }
}
