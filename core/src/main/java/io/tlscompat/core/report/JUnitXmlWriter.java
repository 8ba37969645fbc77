package io.tlscompat.core.report;

import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.finding.FindingCode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code TEST-tls-compat.xml}: one test case per check (finding code) per target and client, so Jenkins and GitLab
 * show the gate next to the unit tests. A finding that fails the build is a {@code <failure>}; a finding below the
 * policy passes with its text in {@code <system-out>}.
 */
public final class JUnitXmlWriter {
    private JUnitXmlWriter() {
    }

    public static String write(GateReport report) {
        int tests = 0;
        int failures = 0;
        StringBuilder cases = new StringBuilder();
        for (Evaluation e : report.evaluations()) {
            String classname = "tls-compat." + e.target() + "." + e.client().name();
            for (FindingCode code : FindingCode.values()) {
                tests++;
                List<Finding> hits = new ArrayList<>();
                for (Finding f : e.findings()) {
                    if (f.code() == code) {
                        hits.add(f);
                    }
                }
                cases.append("  <testcase classname=\"").append(Xml.escape(classname)).append("\" name=\"")
                        .append(code.code()).append("\" time=\"0\">\n");
                for (Finding f : hits) {
                    String text = f.message() + "\nFix: " + f.remediation();
                    if (report.fails(f)) {
                        failures++;
                        cases.append("    <failure type=\"").append(code.code()).append("\" message=\"")
                                .append(Xml.escape(f.severity().label() + ": " + f.message())).append("\">")
                                .append(Xml.escape(text)).append("</failure>\n");
                        break;
                    }
                    cases.append("    <system-out>").append(Xml.escape(f.severity().label() + ": " + text))
                            .append("</system-out>\n");
                }
                cases.append("  </testcase>\n");
            }
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<testsuite name=\"tls-compat\" tests=\"" + tests + "\" failures=\"" + failures
                + "\" errors=\"0\" skipped=\"0\" time=\"0\" timestamp=\"" + Xml.escape(report.generatedAt())
                + "\">\n" + observations(report) + cases + "</testsuite>\n";
    }

    /** Whether each target's verdict was observed by the rehearsal or only predicted, as suite properties. */
    private static String observations(GateReport report) {
        StringBuilder sb = new StringBuilder();
        for (Evaluation e : report.evaluations()) {
            if (e.observation() != null) {
                String name = "observation." + e.target() + "." + e.client().name();
                sb.append("    <property name=\"").append(Xml.escape(name))
                        .append("\" value=\"").append(Xml.escape(e.observation())).append("\"/>\n");
            }
        }
        return sb.length() == 0 ? "" : "  <properties>\n" + sb + "  </properties>\n";
    }
}
