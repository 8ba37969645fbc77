package io.tlscompat.it.agent;

import static io.tlscompat.it.agent.AgentRecords.diagnosis;
import static io.tlscompat.it.agent.AgentRecords.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.it.support.ProcessOutput;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Simulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What the reactive-client agent ITs ({@link AgentEngineIT}, {@link AgentVertxIT}) share: mssql-jdbc 13.2's record
 * in the same scenario, the comparison of an SSLEngine record with it, and a late attach to a running application.
 */
final class EngineParity {
    private EngineParity() {
    }

    /** The record mssql-jdbc 13.2 gets against {@code localhost:port} with {@code options}, under the agent. */
    static Map<String, Object> mssqlJdbc(Path dir, int port, String options, String... jvmArgs) throws Exception {
        Path log = dir.resolve("jdbc.jsonl");
        List<String> args = new ArrayList<>(List.of(jvmArgs));
        args.add(AgentRecords.javaagent(log, ""));
        JdbcDriver d = JdbcDriver.MSSQL_13_2;
        JdbcClient.with(d).jvmArgs(args.toArray(new String[0])).connect(d.url(port, options));
        return AgentRecords.single(log);
    }

    /**
     * Same outcome, phase, offered protocols and diagnosis code; the engine record says it came from an SSLEngine and
     * carries {@code driver}'s context with the same TDS version. {@code protocolsInAnyOrder} for a client that
     * enables its protocols in its own order (vert.x: TLSv1.2, TLSv1.3), where only the set can be compared.
     */
    @SuppressWarnings("unchecked")
    static void assertDiagnosedAlike(Map<String, Object> engine, Map<String, Object> socket, String driver,
            boolean protocolsInAnyOrder) {
        assertThat(engine).containsEntry("transport", "engine").containsEntry("engine", "jdk");
        assertThat(socket).containsEntry("transport", "socket");
        assertThat(diagnosis(engine)).as("diagnosis of %s vs %s", engine, socket).isNotNull()
                .isEqualTo(diagnosis(socket));
        assertThat(engine.get("outcome")).isEqualTo(socket.get("outcome"));
        assertThat(engine.get("phase")).isEqualTo(socket.get("phase"));
        if (protocolsInAnyOrder) {
            assertThat((List<Object>) engine.get("offeredProtocols"))
                    .containsExactlyInAnyOrderElementsOf((List<Object>) socket.get("offeredProtocols"));
        } else {
            assertThat(engine.get("offeredProtocols")).isEqualTo(socket.get("offeredProtocols"));
        }
        assertThat(map(engine, "jdbc")).containsEntry("driver", driver).containsEntry("tds",
                map(socket, "jdbc").get("tds"));
    }

    /**
     * Starts {@code application} (600 connections to {@code sim}), attaches the agent once ten have been made, and
     * checks that the later handshakes are recorded with {@code driver}'s context.
     */
    static void assertAttachRecordsLaterHandshakes(Path dir, Simulator sim, List<String> application, String driver)
            throws Exception {
        Path log = dir.resolve("tls.jsonl");
        Process app = new ProcessBuilder(application).redirectErrorStream(true)
                .redirectOutput(dir.resolve("app.txt").toFile()).start();
        try {
            int before = sim.connectionCount();
            long until = System.currentTimeMillis() + 60_000;
            while (sim.connectionCount() < before + 10 && System.currentTimeMillis() < until) {
                Thread.sleep(20);
            }
            ProcessOutput attach = ProcessOutput.run(List.of(TestJdk.DEFAULT.java().toString(), "-jar",
                    AgentRecords.jar().toString(), "attach", Long.toString(app.pid()), "log=" + log + ",probe=false"),
                    Duration.ofSeconds(60));
            assertThat(attach.exitCode()).as(attach.toString()).isZero();
            assertThat(app.waitFor(3, TimeUnit.MINUTES)).as("the application ends").isTrue();
        } finally {
            app.destroyForcibly();
        }
        String output = Files.readString(dir.resolve("app.txt"));
        assertThat(output).contains("[tls-compat] agent active (attached)").doesNotContain("\tat ");
        List<Map<String, Object>> records = AgentRecords.read(log);
        // The handshakes that began after the hooks went in: most of the 600, none of the first ten.
        assertThat(records).as(output).hasSizeBetween(100, 590).allSatisfy(r -> assertThat(r)
                .containsEntry("outcome", "ok").containsEntry("transport", "engine"));
        // A connection whose handler was made just before the driver's class was retransformed has no context.
        assertThat(records.stream().filter(r -> r.get("jdbc") == null).count()).isLessThanOrEqualTo(4);
        assertThat(records).filteredOn(r -> r.get("jdbc") != null)
                .allSatisfy(r -> assertThat(map(r, "jdbc")).containsEntry("driver", driver));
        assertThat(map(records.get(records.size() - 1), "jdbc")).containsEntry("driver", driver);
        assertThat(output).contains("attempts=" + records.size() + " ok=" + records.size());
    }
}
