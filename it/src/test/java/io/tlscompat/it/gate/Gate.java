package io.tlscompat.it.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import io.tlscompat.simulator.SimulatorProfiles;

import java.io.IOException;
import java.nio.file.Path;

/** Shared steps of the gate ITs: start a simulator, write a project aimed at it, run mvn, assert the outcome. */
final class Gate {
    /** The plugin's failure frame, as Maven prints it for a MojoFailureException. */
    static final String FAILURE_PREFIX = "[ERROR] Failed to execute goal io.tlscompat:tls-compat-maven-plugin:"
            + GateProject.PLUGIN_VERSION + ":verify (default-cli) on project %s: ";

    private Gate() {
    }

    static Simulator simulator(String profile) throws IOException {
        return Simulator.start(SimulatorProfiles.named(profile), 0);
    }

    static Simulator simulator(SimulatorProfile profile) throws IOException {
        return Simulator.start(profile, 0);
    }

    static String url(Simulator sim, String properties) {
        return "jdbc:sqlserver://localhost:" + sim.port() + (properties.isEmpty() ? "" : ";" + properties);
    }

    /** A project with mssql-jdbc 13.2.1 aimed at the simulator with these URL properties. */
    static Path project(Path dir, String name, Simulator sim, String properties) throws IOException {
        return GateProject.in(dir.resolve(name)).mssqlJdbc(GateProject.MSSQL_JDBC_13).target(url(sim, properties))
                .write();
    }

    /** Asserts the build failed with exactly the violation message for these codes on the simulator's target. */
    static void assertViolation(MavenRun run, String project, int count, String failOn, String codes) {
        assertThat(run.succeeded()).as(run.toString()).isFalse();
        String report = run.reportDir().toString();
        assertThat(run.log()).as(run.toString()).contains(String.format(FAILURE_PREFIX, project)
                + "tls-compat:verify found " + count + " finding(s) at or above '" + failOn + "': " + codes
                + ". Read " + report + "/summary.md (fixes) and " + report + "/report.json (evidence).");
    }

    /** Asserts the build failed on configuration with exactly this message. */
    static void assertConfigurationError(MavenRun run, String project, String message) {
        assertThat(run.succeeded()).as(run.toString()).isFalse();
        assertThat(run.log()).as(run.toString()).contains(String.format(FAILURE_PREFIX, project) + message);
    }

    /** A finding line of the Maven log: "  error protocol-mismatch: message". */
    static String findingLine(String severity, String code, String message) {
        return "  " + severity + " " + code + ": " + message;
    }

    static String target(Simulator sim) {
        return "localhost:" + sim.port();
    }
}
