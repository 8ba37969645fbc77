package io.tlscompat.core.report;

/** A file (relative to the project directory, '/'-separated) and a 1-based line, where a finding can be fixed. */
public final class SourceLocation {
    private final String path;
    private final int line;

    public SourceLocation(String path, int line) {
        this.path = path;
        this.line = Math.max(1, line);
    }

    public String path() {
        return path;
    }

    public int line() {
        return line;
    }

    @Override
    public String toString() {
        return path + ":" + line;
    }
}
