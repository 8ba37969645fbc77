package io.tlscompat.core.kb;

/** One version-dependent fact about a driver, e.g. "encrypt defaults to true since 10.2.0", with its source. */
public final class DriverFact {
    private final String id;
    private final String since;
    private final String text;
    private final String source;

    DriverFact(String id, String since, String text, String source) {
        this.id = id;
        this.since = since;
        this.text = text;
        this.source = source;
    }

    /** Stable id, e.g. {@code encryptDefaultTrue}. */
    public String id() {
        return id;
    }

    /** The first version with this behaviour. */
    public String since() {
        return since;
    }

    public String text() {
        return text;
    }

    public String source() {
        return source;
    }

    /** True when {@code version} has this behaviour. */
    public boolean appliesTo(DottedVersion version) {
        return version.atLeast(since);
    }
}
