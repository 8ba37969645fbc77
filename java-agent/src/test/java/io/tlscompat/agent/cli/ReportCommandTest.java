package io.tlscompat.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.diagnosis.HandshakeJudge;
import io.tlscompat.agent.diagnosis.RecordDiagnoser;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.agent.record.Phase;
import io.tlscompat.agent.record.Records;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    private int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) throws Exception {
        return new ReportCommand().run(Arrays.asList(args), new PrintStream(out, true, "UTF-8"),
                new PrintStream(err, true, "UTF-8"));
    }

    @Test
    void summarisesPerServerAndPerDiagnosis() throws Exception {
        List<String> lines = new ArrayList<>();
        RecordDiagnoser diagnoser = new RecordDiagnoser(new HandshakeJudge(), true);
        for (int i = 0; i < 3; i++) {
            lines.add(Json.write(Records.ok("db1", 1433, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")
                    .toJson()));
        }
        HandshakeRecord untrusted = Records.failed("db2", 1433, Outcome.CLIENT_REJECTED, Phase.CERTIFICATE_RECEIVED,
                null, new SSLHandshakeException("PKIX path building failed"), "TLSv1.2");
        untrusted.diagnose(diagnoser.diagnose(untrusted));
        lines.add(Json.write(untrusted.toJson()));
        lines.add("{not json");
        Path file = dir.resolve("tls.jsonl");
        Files.write(file, lines, StandardCharsets.UTF_8);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(run(out, err, file.toString())).isEqualTo(ExitCodes.OK);
        String text = out.toString("UTF-8");
        assertThat(text).startsWith("tls-compat report: tls.jsonl — 4 handshakes, 1 failed (1 unreadable lines"
                + " skipped)");
        assertThat(text).contains("db1:1433").contains("last TLSv1.2 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(text).contains("certificate-untrusted").contains("fix: " + FindingTexts.FIX_UNTRUSTED);

        out.reset();
        assertThat(run(out, err, "--json", file.toString())).isEqualTo(ExitCodes.OK);
        Map<String, Object> json = Json.parseObject(out.toString("UTF-8"));
        assertThat(json).containsEntry("records", 4L).containsEntry("failures", 1L);
    }

    @Test
    void missingFileIsOneLineAndUsageExit() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String missing = dir.resolve("nope.jsonl").toString();
        assertThat(run(out, err, missing)).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString("UTF-8").trim().split("\n")).hasSize(1);
        assertThat(err.toString("UTF-8")).startsWith("report: cannot read " + missing);
    }
}
