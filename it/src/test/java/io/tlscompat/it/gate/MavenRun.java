package io.tlscompat.it.gate;

import io.tlscompat.it.support.ProcessOutput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the real Maven (this repository's wrapper, offline, batch mode) on a {@link GateProject}: {@code mvn
 * tls-compat:verify} with extra {@code -D} options, and keeps the log and the report files for assertions.
 * Offline works because CI's {@code ./mvnw install} has installed the plugin and the it/ module resolved the
 * driver versions before the ITs run.
 */
final class MavenRun {
    /** A nested Maven must finish well within this, even when a server does not answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final int exitCode;
    private final String log;
    private final Path project;

    private MavenRun(int exitCode, String log, Path project) {
        this.exitCode = exitCode;
        this.log = log;
        this.project = project;
    }

    static MavenRun verify(Path project, String... options) {
        List<String> cmd = new ArrayList<>();
        cmd.add(wrapper().toString());
        cmd.addAll(Arrays.asList("-B", "-o", "-f", project.resolve("pom.xml").toString(), "tls-compat:verify"));
        String repo = System.getProperty("tlscompat.maven.repo.local");
        if (repo != null && !repo.isEmpty()) {
            cmd.add("-Dmaven.repo.local=" + repo);
        }
        cmd.addAll(Arrays.asList(options));
        ProcessOutput out = ProcessOutput.run(cmd, TIMEOUT);
        return new MavenRun(out.exitCode(), out.stdout() + out.stderr(), project);
    }

    /** The repository's {@code mvnw}: the ITs run with it/ as working directory. */
    static Path wrapper() {
        Path here = Paths.get("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("mvnw")) && Files.isDirectory(p.resolve("maven-plugin"))) {
                return p.resolve("mvnw");
            }
        }
        throw new IllegalStateException("no mvnw above " + here);
    }

    boolean succeeded() {
        return exitCode == 0;
    }

    int exitCode() {
        return exitCode;
    }

    String log() {
        return log;
    }

    Path projectDir() {
        return project;
    }

    Path reportDir() {
        return project.resolve("target/tls-compat");
    }

    String report(String name) throws IOException {
        return new String(Files.readAllBytes(reportDir().resolve(name)), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "mvn exit " + exitCode + "\n" + log;
    }
}
