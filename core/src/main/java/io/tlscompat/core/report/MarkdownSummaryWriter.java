package io.tlscompat.core.report;

import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.FindingTexts;

/** {@code summary.md}: a verdict table and the findings with their fixes, short enough for a pull-request comment. */
public final class MarkdownSummaryWriter {
    private MarkdownSummaryWriter() {
    }

    public static String write(GateReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("## tls-compat: SQL Server TLS gate\n\n");
        sb.append("| Target | Client | Predicted handshake | Verdict |\n|---|---|---|---|\n");
        for (Evaluation e : report.evaluations()) {
            sb.append("| `").append(e.target()).append("` | ").append(cell(e.client().name())).append(" | ")
                    .append(cell(e.framing() + (e.protocol() == null ? ", no handshake" : ", " + e.protocol()
                            + (e.cipherSuite() == null ? "" : ", " + e.cipherSuite()))))
                    .append(" | **").append(e.verdict().label()).append("**")
                    .append(FindingTexts.NOT_OBSERVED.equals(e.observation()) ? " (" + FindingTexts.NOT_OBSERVED + ")"
                            : "").append(" |\n");
        }
        if (report.findings().isEmpty()) {
            sb.append("\nNo findings.\n");
        } else {
            sb.append("\n### Findings\n\n");
            for (Finding f : report.findings()) {
                sb.append("- **").append(f.severity().label()).append("** `").append(f.code().code()).append("` ")
                        .append(cell(f.target())).append(" (").append(cell(f.client())).append("): ")
                        .append(cell(f.message())).append("  \n  Fix: ").append(cell(f.remediation())).append('\n');
            }
        }
        if (!report.rehearsals().isEmpty()) {
            sb.append("\n### Rehearsal (prediction vs observation)\n\n| Target | Predicted | Observed | Agrees |\n"
                    + "|---|---|---|---|\n");
            for (java.util.Map<String, Object> r : report.rehearsals()) {
                sb.append("| `").append(r.get("target")).append("` | ").append(cell(String.valueOf(r.get("predicted"))))
                        .append(" | ").append(cell(String.valueOf(r.get("observed")))).append(" | ")
                        .append(r.get("agrees")).append(" |\n");
            }
        }
        sb.append("\nBuild fails on: ").append(report.failOnLabel()).append(". Knowledge base ")
                .append(report.kbVersion()).append(". Details: `target/tls-compat/report.json`.\n");
        return sb.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
