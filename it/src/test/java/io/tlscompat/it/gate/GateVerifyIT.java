package io.tlscompat.it.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke: one passing and one failing gate run against the simulator. */
class GateVerifyIT {
    @TempDir
    Path dir;

    @Test
    void legacyServerFailsAndModernServerPasses() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2008r2-rtm"), 0)) {
            Path p = GateProject.in(dir.resolve("legacy")).mssqlJdbc(GateProject.MSSQL_JDBC_13)
                    .target("jdbc:sqlserver://localhost:" + sim.port() + ";trustServerCertificate=true;password=x")
                    .write();
            MavenRun run = MavenRun.verify(p);
            System.out.println(run);
            assertThat(run.succeeded()).isFalse();
        }
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            Path p = GateProject.in(dir.resolve("modern")).mssqlJdbc(GateProject.MSSQL_JDBC_13)
                    .target("jdbc:sqlserver://localhost:" + sim.port() + ";trustServerCertificate=true").write();
            MavenRun run = MavenRun.verify(p);
            System.out.println(run);
            assertThat(run.succeeded()).as(run.toString()).isTrue();
        }
    }
}
