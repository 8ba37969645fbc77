package io.tlscompat.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.client.ClientDriver;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.JavaClientProfiles;
import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Evaluator;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.json.Json;
import io.tlscompat.core.kb.JdkVersion;
import io.tlscompat.core.kb.KnowledgeBase;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.profile.PreloginInfo;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.SqlServerVersion;
import io.tlscompat.core.tls.TlsVersion;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportWritersTest {
    private static GateReport failingReport() {
        KnowledgeBase kb = KnowledgeBase.get();
        ClientProfile client = JavaClientProfiles.build(
                JdbcTarget.parse("jdbc:sqlserver://db1:1433;trustServerCertificate=true;password=x", "pom.xml"),
                new ClientDriver(kb.driver("mssql-jdbc"), "com.microsoft.sqlserver", "mssql-jdbc", "12.8.1.jre11"),
                JdkPolicies.fromRelease(kb.jdkRelease(JdkVersion.parse("25")), "25"));
        Map<TlsVersion, ProtocolSupport> tds7 = new EnumMap<>(TlsVersion.class);
        tds7.put(TlsVersion.TLSv1_2, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_256_GCM_SHA384"), true));
        ServerProfile server = ServerProfile.builder().target("db1:1433")
                .prelogin(new PreloginInfo(SqlServerVersion.parse("12.0.6024"), EncryptionLevel.OFF, null))
                .tds7(new PathProfile(true, tds7, null)).build();
        Evaluation e = new Evaluator(Instant.parse("2026-11-27T00:00:00Z"), false).evaluate("db1:1433", client, server);
        return new GateReport(Collections.singletonList(e), Severity.ERROR, kb.version(), "0.1.0-SNAPSHOT",
                "2026-11-27T00:00:00Z", Collections.singletonMap("db1:1433", new SourceLocation("pom.xml", 42)),
                new SourceLocation("pom.xml", 20), new SourceLocation("pom.xml", 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportJsonHasTargetsAndFindingsWithTheDocumentedKeys() {
        Map<String, Object> json = Json.parseObject(JsonReportWriter.write(failingReport()));
        assertThat(json.get("verdict")).isEqualTo("fail");
        Map<String, Object> target = (Map<String, Object>) ((List<?>) json.get("targets")).get(0);
        assertThat(target.keySet()).contains("target", "client", "server", "predictedHandshake", "verdict");
        Map<String, Object> finding = (Map<String, Object>) ((List<?>) json.get("findings")).get(0);
        assertThat(finding.keySet()).containsSubsequence("code", "severity", "target", "message", "remediation",
                "evidence");
        assertThat(finding.get("code")).isEqualTo("cipher-mismatch");
        assertThat(finding.get("severity")).isEqualTo("error");
        assertThat(JsonReportWriter.write(failingReport())).doesNotContain("password=x");
    }

    @Test
    void junitXmlHasOneCasePerCodeAndAFailureForTheError() throws Exception {
        String xml = JUnitXmlWriter.write(failingReport());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(FindingCode.values().length);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        assertThat(doc.getElementsByTagName("failure").item(0).getAttributes().getNamedItem("type").getNodeValue())
                .isEqualTo("cipher-mismatch");
    }

    @Test
    void sarifIsVersion210WithResultsAnchoredInThePom() {
        Map<String, Object> sarif = Json.parseObject(SarifWriter.write(failingReport()));
        assertThat(sarif.get("version")).isEqualTo("2.1.0");
        Map<?, ?> run = (Map<?, ?>) ((List<?>) sarif.get("runs")).get(0);
        Map<?, ?> result = (Map<?, ?>) ((List<?>) run.get("results")).get(0);
        assertThat(result.get("ruleId")).isEqualTo("cipher-mismatch");
        assertThat(result.get("level")).isEqualTo("error");
        Map<?, ?> physical = (Map<?, ?>) ((Map<?, ?>) ((List<?>) result.get("locations")).get(0)).get("physicalLocation");
        assertThat(((Map<?, ?>) physical.get("artifactLocation")).get("uri")).isEqualTo("pom.xml");
        assertThat(((Map<?, ?>) physical.get("region")).get("startLine")).isEqualTo(42L);
    }

    @Test
    void allFourFilesAreWritten(@TempDir File dir) throws Exception {
        ReportFiles.writeAll(failingReport(), dir);
        assertThat(new File(dir, ReportFiles.JSON)).isFile();
        assertThat(new File(dir, ReportFiles.JUNIT)).isFile();
        assertThat(new File(dir, ReportFiles.SARIF)).isFile();
        assertThat(new File(dir, ReportFiles.MARKDOWN)).content().contains("`cipher-mismatch`", "**fail**");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTargetThatWasNotRehearsedSaysPredictedNotObservedInJsonMarkdownJUnitAndSarif() {
        GateReport r = failingReport();
        Evaluation e = r.evaluations().get(0);
        Evaluation notObserved = e.withObservation(FindingTexts.NOT_OBSERVED, "<rehearse> is off", e.findings());
        GateReport report = new GateReport(Collections.singletonList(notObserved), Severity.ERROR, r.kbVersion(),
                r.toolVersion(), r.generatedAt(), Collections.<String, SourceLocation>emptyMap(), null,
                new SourceLocation("pom.xml", 1));
        Map<String, Object> target = (Map<String, Object>) ((List<Object>) Json.parseObject(
                JsonReportWriter.write(report)).get("targets")).get(0);
        assertThat(target.get("observation")).isEqualTo("predicted, not observed");
        assertThat(target.get("notObservedBecause")).isEqualTo("<rehearse> is off");
        assertThat(MarkdownSummaryWriter.write(report)).contains("**fail** (predicted, not observed)");
        assertThat(JUnitXmlWriter.write(report)).contains("<property name=\"observation.db1:1433.")
                .contains("value=\"predicted, not observed\"/>");
        Map<?, ?> result = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) Json.parseObject(SarifWriter.write(report))
                .get("runs")).get(0)).get("results")).get(0);
        assertThat((String) ((Map<?, ?>) result.get("message")).get("text"))
                .contains("(predicted, not observed: <rehearse> is off) Fix: ");
        assertThat((Map<String, Object>) result.get("properties")).containsEntry("observation", "predicted, not observed")
                .containsEntry("notObservedBecause", "<rehearse> is off");
        assertThat(JsonReportWriter.write(failingReport())).doesNotContain("\"observation\"");
        assertThat(SarifWriter.write(failingReport())).doesNotContain("\"observation\"");
    }
}
