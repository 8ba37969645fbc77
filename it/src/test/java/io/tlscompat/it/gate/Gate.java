package io.tlscompat.it.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.it.invoker.InvokerScenario;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;

import java.io.IOException;
import java.nio.file.Path;

/** Shared steps of the gate ITs: start a simulator, write a project aimed at it, run mvn, assert the outcome. */
final class Gate {
    private Gate() {
    }

    static Simulator simulator(String profile) throws IOException {
        return Simulator.start(SimulatorProfiles.named(profile), 0);
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
        assertThat(run.log()).as(run.toString()).contains(InvokerScenario.violation(run.projectDir().toFile(),
                project, GateProject.PLUGIN_VERSION, count, failOn, codes));
    }

    static String target(Simulator sim) {
        return "localhost:" + sim.port();
    }
}
