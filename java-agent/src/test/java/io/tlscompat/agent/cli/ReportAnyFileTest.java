package io.tlscompat.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.json.Json;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} on files that are not record files ends with one line saying what it cannot read, in bounded
 * memory: run as a child JVM with a small heap, so an unbounded read would die with OutOfMemoryError instead.
 */
class ReportAnyFileTest {
    private static final String HEAP = "-Xmx64m";

    @TempDir
    Path dir;

    private static CliProcess report(String file) throws Exception {
        return CliProcess.runWithJvmOptions(new String[] {HEAP}, "report", file);
    }

    private static void assertOneLine(CliProcess cli, String reason) {
        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.stdout).isEmpty();
        String[] lines = cli.stderr.split("\\R");
        assertThat(lines).as(cli.stderr).hasSize(1);
        assertThat(lines[0]).startsWith("report: cannot read ").contains(reason)
                .doesNotContain("Exception").doesNotContain("Error");
    }

    @Test
    void devZeroEndsWithOneLine() throws Exception {
        Path zero = Paths.get("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero));
        CliProcess cli = report(zero.toString());
        assertOneLine(cli, String.format(ReportCommand.LINE_TOO_LONG, 1, RecordFileSummary.MAX_LINE_CHARS));
    }

    @Test
    void hugeSingleLineEndsWithOneLine() throws Exception {
        Path huge = dir.resolve("huge.jsonl");
        try (OutputStream o = Files.newOutputStream(huge)) {
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) '[');
            for (int i = 0; i < 200; i++) {
                o.write(chunk); // 200 MB, one line, no newline
            }
        }
        assertOneLine(report(huge.toString()),
                String.format(ReportCommand.LINE_TOO_LONG, 1, RecordFileSummary.MAX_LINE_CHARS));
    }

    @Test
    void binaryFileEndsWithOneLine() throws Exception {
        Path binary = dir.resolve("random.bin");
        byte[] bytes = new byte[8 << 20];
        new Random(42).nextBytes(bytes);
        Files.write(binary, bytes);
        CliProcess cli = report(binary.toString());
        assertThat(cli.stderr).as(cli.toString()).startsWith("report: cannot read " + binary);
        assertThat(cli.stderr.split("\\R")).hasSize(1);
        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void recordsBeforeAnOverlongLineAreStillReportedThenOneLineSaysWhereItStopped() throws Exception {
        Path file = dir.resolve("cut.jsonl");
        StringBuilder sb = new StringBuilder();
        sb.append("{\"outcome\":\"ok\",\"peerHost\":\"db1\",\"peerPort\":1433}\n");
        for (int i = 0; i < RecordFileSummary.MAX_LINE_CHARS + 10; i++) {
            sb.append('x');
        }
        Files.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        CliProcess cli = report(file.toString());
        assertThat(cli.exitCode).as(cli.toString()).isZero();
        assertThat(cli.stdout).contains("1 handshakes");
        assertThat(cli.stderr.trim()).isEqualTo(String.format(ReportCommand.STOPPED, file, 2,
                RecordFileSummary.MAX_LINE_CHARS));
        CliProcess json = CliProcess.runWithJvmOptions(new String[] {HEAP}, "report", "--json", file.toString());
        assertThat(Json.parseObject(json.stdout)).containsEntry("stoppedAtLine", 2L);
    }
}
