package io.tlscompat.core.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;

/** Writes the four report files into one directory (each to a temp file first, then moved into place). */
public final class ReportFiles {
    public static final String JSON = "report.json";
    public static final String JUNIT = "TEST-tls-compat.xml";
    public static final String SARIF = "report.sarif";
    public static final String MARKDOWN = "summary.md";

    private ReportFiles() {
    }

    public static void writeAll(GateReport report, File dir) throws IOException {
        Files.createDirectories(dir.toPath());
        write(dir, JSON, JsonReportWriter.write(report));
        write(dir, JUNIT, JUnitXmlWriter.write(report));
        write(dir, SARIF, SarifWriter.write(report));
        write(dir, MARKDOWN, MarkdownSummaryWriter.write(report));
    }

    private static void write(File dir, String name, String text) throws IOException {
        File tmp = new File(dir, name + ".tmp");
        Files.write(tmp.toPath(), text.getBytes(StandardCharsets.UTF_8));
        Files.move(tmp.toPath(), new File(dir, name).toPath(), StandardCopyOption.REPLACE_EXISTING);
    }
}
