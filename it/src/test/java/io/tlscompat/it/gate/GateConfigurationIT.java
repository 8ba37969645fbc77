package io.tlscompat.it.gate;

import static io.tlscompat.it.gate.Gate.assertConfigurationError;
import static io.tlscompat.it.gate.Gate.assertViolation;
import static io.tlscompat.it.gate.Gate.simulator;
import static io.tlscompat.it.gate.Gate.target;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.it.support.FreePort;
import io.tlscompat.simulator.Simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration, skip, offline mode with a saved profile, and URL discovery from Spring Boot files. */
class GateConfigurationIT {
    private static final String VALID_URLS = "jdbc:sqlserver://host[\\instance][:port][;property=value...] or"
            + " jdbc:jtds:sqlserver://host[:port][/database][;property=value...]";

    @TempDir
    Path dir;

    private Path plainProject(String name) throws Exception {
        return GateProject.in(dir.resolve(name)).mssqlJdbc(GateProject.MSSQL_JDBC_13).write();
    }

    @Test
    void malformedUrlNamesTheParameterTheRedactedValueAndTheValidForm() throws Exception {
        MavenRun run = MavenRun.verify(plainProject("badurl"), "-Dtls-compat.url=jdbc:mysql://db:3306;password=hunter2");
        assertConfigurationError(run, "badurl", "<url> (tls-compat.url) is invalid: 'jdbc:mysql://db:3306;"
                + "password=***' is not a SQL Server JDBC URL; expected " + VALID_URLS);
        assertThat(run.log()).doesNotContain("hunter2");
    }

    @Test
    void unknownTargetJavaVersionListsTheKnownOnes() throws Exception {
        MavenRun run = MavenRun.verify(plainProject("badversion"), "-Dtls-compat.url=jdbc:sqlserver://localhost:1",
                "-Dtls-compat.targetJavaVersion=13");
        assertConfigurationError(run, "badversion", "<targetJavaVersion> (tls-compat.targetJavaVersion) is '13',"
                + " which the knowledge base does not know; expected one of 1.7.0_80, 1.8.0_202, 1.8.0_291, 11.0.10,"
                + " 11.0.11, 17, 17.0.15, 21, 24, 25, or set <targetJavaHome> to that JDK");
    }

    @Test
    void targetJavaHomeThatIsNotAJdk() throws Exception {
        Path notJdk = Files.createDirectories(dir.resolve("not-a-jdk"));
        MavenRun run = MavenRun.verify(plainProject("badhome"), "-Dtls-compat.url=jdbc:sqlserver://localhost:1",
                "-Dtls-compat.targetJavaHome=" + notJdk);
        assertConfigurationError(run, "badhome", "<targetJavaHome> (tls-compat.targetJavaHome) is '" + notJdk
                + "', which is not a JDK (no executable bin/java); expected the home directory of a JDK or JRE,"
                + " e.g. /usr/lib/jvm/temurin-25-jdk-amd64");
    }

    @Test
    void badFailOnAndUnknownClientProfileAndNoTarget() throws Exception {
        Path p = plainProject("badpolicy");
        assertConfigurationError(MavenRun.verify(p, "-Dtls-compat.url=jdbc:sqlserver://localhost:1",
                "-Dtls-compat.failOn=sometimes"), "badpolicy",
                "<failOn> (tls-compat.failOn) is 'sometimes'; expected error, warning or never");
        assertConfigurationError(MavenRun.verify(p, "-Dtls-compat.url=jdbc:sqlserver://localhost:1",
                "-Dtls-compat.clientProfiles=windows-xp"), "badpolicy",
                "<clientProfiles> (tls-compat.clientProfiles) contains 'windows-xp'; expected any of"
                        + " windows-server-2012r2, windows-server-2016, windows-server-2019, windows-server-2022");
        assertConfigurationError(MavenRun.verify(p), "badpolicy", "No SQL Server target: set <targets><target>"
                + "jdbc:sqlserver://host:1433</target></targets> in the plugin configuration, pass"
                + " -Dtls-compat.url=jdbc:sqlserver://host:1433, or put spring.datasource.url in"
                + " src/main/resources/application*.properties|yml");
    }

    @Test
    void skipSaysWhyAndWritesNothing() throws Exception {
        MavenRun run = MavenRun.verify(plainProject("skip"), "-Dtls-compat.skip",
                "-Dtls-compat.url=jdbc:mysql://not-even-valid");
        assertThat(run.succeeded()).as(run.toString()).isTrue();
        assertThat(run.log()).contains("[INFO] Skipping tls-compat:verify because property tls-compat.skip is set.");
        assertThat(run.reportDir()).doesNotExist();
    }

    @Test
    void offlineWithASavedProfileNeedsNoServer() throws Exception {
        Path saved = dir.resolve("sql2008r2.json");
        try (Simulator sim = simulator("sql2008r2-rtm")) {
            ServerProfile profile = new TdsProbe(ProbeSettings.builder().build()).probe("localhost", sim.port());
            Files.write(saved, profile.toJsonText().getBytes(StandardCharsets.UTF_8));
        }
        int closed = FreePort.closed();
        MavenRun run = MavenRun.verify(plainProject("offline"), "-Dtls-compat.url=jdbc:sqlserver://localhost:"
                + closed + ";trustServerCertificate=true", "-Dtls-compat.serverProfile=" + saved);
        assertViolation(run, "offline", 1, "error", "protocol-mismatch (localhost:" + closed + ")");
        assertThat(run.log()).contains("[INFO] Server localhost:" + closed + ": saved profile " + saved
                + " (not probed)");

        MavenRun missing = MavenRun.verify(plainProject("offline-missing"), "-Dtls-compat.url=jdbc:sqlserver://db",
                "-Dtls-compat.serverProfile=" + dir.resolve("nope.json"));
        assertConfigurationError(missing, "offline-missing", "<serverProfile> (tls-compat.serverProfile) is '"
                + dir.resolve("nope.json") + "', which does not exist; expected a file written by"
                + " 'java -jar tls-compat-agent.jar probe --json host:port'");
    }

    @Test
    void springBootApplicationYmlIsDiscoveredAndItsLineAnchorsTheSarifResult() throws Exception {
        try (Simulator sim = simulator("sql2019-win2019")) {
            Path p = plainProject("spring");
            Path resources = Files.createDirectories(p.resolve("src/main/resources"));
            Files.write(resources.resolve("application.yml"), ("server:\n  port: 8080\nspring:\n  datasource:\n"
                    + "    username: app\n    url: \"jdbc:sqlserver://localhost:" + sim.port()
                    + ";encrypt=true;password=topsecret\"\n").getBytes(StandardCharsets.UTF_8));
            MavenRun run = MavenRun.verify(p);
            assertThat(run.log()).contains("[INFO] Target jdbc:sqlserver://localhost:" + sim.port()
                    + ";encrypt=true;password=*** from src/main/resources/application.yml:6");
            assertThat(run.log()).doesNotContain("topsecret");
            assertViolation(run, "spring", 2, "error", "certificate-untrusted (" + target(sim) + "),"
                    + " certificate-hostname-mismatch (" + target(sim) + ")");
            assertThat(run.report("report.sarif")).contains("\"uri\": \"src/main/resources/application.yml\"",
                    "\"startLine\": 6").doesNotContain("topsecret");
        }
    }
}
