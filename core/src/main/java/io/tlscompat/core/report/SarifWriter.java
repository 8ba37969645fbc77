package io.tlscompat.core.report;

import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.json.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.sarif}: SARIF 2.1.0 for GitHub code scanning. One rule per finding code; each result is anchored
 * where it can be fixed: URL findings at the line declaring the URL, driver findings at the dependency in pom.xml.
 */
public final class SarifWriter {
    /** The SARIF schema this writer follows. */
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifWriter() {
    }

    public static Map<String, Object> toJson(GateReport report) {
        List<Object> rules = new ArrayList<>();
        for (FindingCode code : FindingCode.values()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", code.code());
            rule.put("name", code.name());
            rule.put("shortDescription", Collections.singletonMap("text", code.code()));
            rules.add(rule);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "tls-compat");
        driver.put("version", report.toolVersion());
        driver.put("informationUri", "https://github.com/tls-compat/tls-compat");
        driver.put("rules", rules);

        Map<Finding, Evaluation> evaluationOf = new IdentityHashMap<>();
        for (Evaluation e : report.evaluations()) {
            for (Finding f : e.findings()) {
                evaluationOf.put(f, e);
            }
        }
        List<Object> results = new ArrayList<>();
        for (Finding f : report.findings()) {
            Evaluation e = evaluationOf.get(f);
            String observation = e == null ? null : e.observation();
            // A prediction nobody checked says so where the reader sees it, not only in report.json.
            String notObserved = FindingTexts.NOT_OBSERVED.equals(observation) ? " (" + FindingTexts.NOT_OBSERVED
                    + (e.notObservedBecause() == null ? "" : ": " + e.notObservedBecause()) + ")" : "";
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ruleId", f.code().code());
            r.put("level", level(f.severity()));
            r.put("message", Collections.singletonMap("text", f.target() + " (" + f.client() + "): " + f.message()
                    + notObserved + " Fix: " + f.remediation()));
            SourceLocation at = report.locationOf(f);
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Collections.singletonMap("uri", at.path()));
            physical.put("region", Collections.singletonMap("startLine", at.line()));
            r.put("locations", Collections.singletonList(Collections.singletonMap("physicalLocation", physical)));
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("target", f.target());
            props.put("client", f.client());
            props.put("evidence", f.evidence());
            if (observation != null) {
                props.put("observation", observation);
                if (e.notObservedBecause() != null) {
                    props.put("notObservedBecause", e.notObservedBecause());
                }
            }
            r.put("properties", props);
            results.add(r);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Collections.singletonMap("driver", driver));
        run.put("results", results);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("$schema", SCHEMA);
        m.put("version", "2.1.0");
        m.put("runs", Collections.singletonList(run));
        return m;
    }

    public static String write(GateReport report) {
        return Json.writePretty(toJson(report));
    }

    private static String level(Severity s) {
        switch (s) {
            case ERROR: return "error";
            case WARNING: return "warning";
            default: return "note";
        }
    }
}
