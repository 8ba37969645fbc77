package io.tlscompat.it.support;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The JDKs a forked client or CLI runs on: the default one (the JDK running the tests, 17 in CI) and Temurin 25 when
 * the machine image has it. Tests that want the second JDK call {@link #assumePresent()}, so a machine without it
 * skips those variants instead of failing.
 */
public enum TestJdk {
    /** The JDK that runs the tests. */
    DEFAULT(System.getProperty("java.home")),
    /** Temurin 25; location from the system property {@code tlscompat.jdk25.home} (set by the parent POM). */
    TEMURIN_25(System.getProperty("tlscompat.jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));

    private final String home;

    TestJdk(String home) {
        this.home = home;
    }

    /** The {@code bin/java} of this JDK. */
    public Path java() {
        return Paths.get(home, "bin", "java");
    }

    public boolean isPresent() {
        return Files.isExecutable(java());
    }

    /** Skips the calling test when this JDK is not installed. */
    public TestJdk assumePresent() {
        Assumptions.assumeTrue(isPresent(), () -> name() + " not installed at " + home + ": variant skipped");
        return this;
    }

    @Override
    public String toString() {
        return this == DEFAULT ? "JDK " + Runtime.version().feature() : "Temurin 25";
    }
}
