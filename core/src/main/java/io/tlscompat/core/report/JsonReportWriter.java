package io.tlscompat.core.report;

import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.Verdict;
import io.tlscompat.core.json.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: {@code {"tool", "kbVersion", "generatedAt", "failOn", "verdict", "targets": [ {target,
 * client, server, predictedHandshake, verdict, findingCodes} ], "findings": [ {code, severity, target, client,
 * message, remediation, evidence} ], "rehearsals": [ … only with rehearse … ]}}. Written with core's {@link Json}.
 */
public final class JsonReportWriter {
    private JsonReportWriter() {
    }

    /** The JSON tree. */
    public static Map<String, Object> toJson(GateReport report) {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "tls-compat");
        tool.put("version", report.toolVersion());
        m.put("tool", tool);
        m.put("kbVersion", report.kbVersion());
        m.put("generatedAt", report.generatedAt());
        m.put("failOn", report.failOnLabel());
        List<Finding> all = new ArrayList<>();
        List<Object> targets = new ArrayList<>();
        for (Evaluation e : report.evaluations()) {
            targets.add(e.toJson());
            all.addAll(e.findings());
        }
        m.put("verdict", Verdict.of(all).label());
        m.put("targets", targets);
        List<Object> findings = new ArrayList<>();
        for (Finding f : all) {
            Map<String, Object> fm = f.toJson();
            fm.put("location", report.locationOf(f).toString());
            findings.add(fm);
        }
        m.put("findings", findings);
        if (!report.rehearsals().isEmpty()) {
            m.put("rehearsals", report.rehearsals());
        }
        return m;
    }

    /** Pretty-printed text. */
    public static String write(GateReport report) {
        return Json.writePretty(toJson(report));
    }
}
