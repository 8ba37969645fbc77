package io.tlscompat.it.gate;

import static io.tlscompat.it.gate.Gate.simulator;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.json.Json;
import io.tlscompat.simulator.Simulator;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The four reports of a failing run, parsed back: report.json (schema keys), TEST-tls-compat.xml (JUnit), report.sarif
 * (SARIF 2.1.0, anchored at the dependency / URL line of pom.xml) and summary.md; with a declared Windows client.
 */
class GateReportsIT {
    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void reportsOfAFailingRunAreWellFormed() throws Exception {
        try (Simulator sim = simulator("sql2008r2-rtm")) {
            Path p = GateProject.in(dir.resolve("reports")).mssqlJdbc(GateProject.MSSQL_JDBC_13)
                    .target(Gate.url(sim, "trustServerCertificate=true"))
                    .config("clientProfiles", "<clientProfile>windows-server-2012r2</clientProfile>").write();
            MavenRun run = MavenRun.verify(p);
            assertThat(run.succeeded()).as(run.toString()).isFalse();

            Map<String, Object> json = Json.parseObject(run.report("report.json"));
            assertThat(json.get("verdict")).isEqualTo("fail");
            List<Object> targets = (List<Object>) json.get("targets");
            assertThat(targets).hasSize(2);
            Map<String, Object> javaTarget = (Map<String, Object>) targets.get(0);
            assertThat(javaTarget.keySet()).contains("target", "client", "server", "predictedHandshake", "verdict");
            assertThat(((Map<String, Object>) javaTarget.get("server")).get("target")).isEqualTo(Gate.target(sim));
            Map<String, Object> windows = (Map<String, Object>) targets.get(1);
            assertThat(((Map<String, Object>) windows.get("client")).get("name")).isEqualTo("windows-server-2012r2");
            assertThat(windows.get("verdict")).isEqualTo("warn"); // TLS 1.0 works for 2012 R2, but is legacy
            List<Object> findings = (List<Object>) json.get("findings");
            Map<String, Object> first = (Map<String, Object>) findings.get(0);
            assertThat(first.keySet()).contains("code", "severity", "target", "message", "remediation", "evidence");
            assertThat(first.get("code")).isEqualTo("protocol-mismatch");

            Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(
                    new ByteArrayInputStream(run.report("TEST-tls-compat.xml").getBytes(StandardCharsets.UTF_8)));
            Element suite = junit.getDocumentElement();
            assertThat(suite.getTagName()).isEqualTo("testsuite");
            assertThat(suite.getAttribute("tests")).isEqualTo("26"); // 13 checks x 2 clients
            assertThat(suite.getAttribute("failures")).isEqualTo("1");

            Map<String, Object> sarif = Json.parseObject(run.report("report.sarif"));
            assertThat(sarif.get("version")).isEqualTo("2.1.0");
            Map<String, Object> sarifRun = (Map<String, Object>) ((List<Object>) sarif.get("runs")).get(0);
            List<Object> results = (List<Object>) sarifRun.get("results");
            assertThat(results).hasSize(2);
            Map<String, Object> r = (Map<String, Object>) results.get(0);
            assertThat(r.get("ruleId")).isEqualTo("protocol-mismatch");
            assertThat(r.get("level")).isEqualTo("error");
            String pom = new String(java.nio.file.Files.readAllBytes(p.resolve("pom.xml")), StandardCharsets.UTF_8);
            int urlLine = 1 + (int) pom.substring(0, pom.indexOf("jdbc:sqlserver://")).chars().filter(c -> c == '\n')
                    .count();
            assertThat(run.report("report.sarif")).contains("\"uri\": \"pom.xml\"", "\"startLine\": " + urlLine);

            assertThat(run.report("summary.md")).contains("| `" + Gate.target(sim) + "` |", "**fail**",
                    "`protocol-mismatch`", "`legacy-protocol`");
        }
    }
}
