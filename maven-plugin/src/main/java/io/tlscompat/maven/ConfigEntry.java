package io.tlscompat.maven;

/**
 * One key and its value as a configuration file defines it, with where it was written and which Spring profile it
 * belongs to: the file's ({@code application-prod.yml}) or its document's ({@code spring.config.activate.on-profile}),
 * or null for the default one.
 */
final class ConfigEntry {
    final String key;
    final String value;
    final String path;
    final int line;
    final String profile;

    ConfigEntry(String key, String value, String path, int line, String profile) {
        this.key = key;
        this.value = value;
        this.path = path;
        this.line = line;
        this.profile = profile;
    }

    /** The {@code file:line} the entry was read from. */
    String origin() {
        return path + ":" + line;
    }
}
