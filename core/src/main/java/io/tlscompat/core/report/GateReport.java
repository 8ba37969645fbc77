package io.tlscompat.core.report;

import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the four report files are written from: the evaluations, the failure policy, the knowledge-base
 * version, and where each target's URL and the driver dependency are declared (for SARIF). Immutable.
 */
public final class GateReport {
    private final List<Evaluation> evaluations;
    private final Severity failOn;
    private final String kbVersion;
    private final String toolVersion;
    private final String generatedAt;
    private final Map<String, SourceLocation> urlLocations;
    private final SourceLocation driverLocation;
    private final SourceLocation buildFile;
    private final List<Map<String, Object>> rehearsals;

    /**
     * @param failOn         the least severity that fails the build; null for "never"
     * @param urlLocations   by target ("host:port"), where its URL was found
     * @param driverLocation where the driver dependency is declared, or null
     * @param buildFile      the pom.xml, the fallback anchor
     */
    public GateReport(List<Evaluation> evaluations, Severity failOn, String kbVersion, String toolVersion,
            String generatedAt, Map<String, SourceLocation> urlLocations, SourceLocation driverLocation,
            SourceLocation buildFile) {
        this(evaluations, failOn, kbVersion, toolVersion, generatedAt, urlLocations, driverLocation, buildFile,
                Collections.<Map<String, Object>>emptyList());
    }

    /**
     * @param rehearsals one entry per rehearsed target: prediction and observation side by side (JSON trees)
     */
    public GateReport(List<Evaluation> evaluations, Severity failOn, String kbVersion, String toolVersion,
            String generatedAt, Map<String, SourceLocation> urlLocations, SourceLocation driverLocation,
            SourceLocation buildFile, List<Map<String, Object>> rehearsals) {
        this.rehearsals = Collections.unmodifiableList(new ArrayList<>(rehearsals));
        this.evaluations = Collections.unmodifiableList(new ArrayList<>(evaluations));
        this.failOn = failOn;
        this.kbVersion = kbVersion;
        this.toolVersion = toolVersion;
        this.generatedAt = generatedAt;
        this.urlLocations = Collections.unmodifiableMap(new LinkedHashMap<>(urlLocations));
        this.driverLocation = driverLocation;
        this.buildFile = buildFile;
    }

    /** Rehearsal results (empty unless rehearse was on). */
    public List<Map<String, Object>> rehearsals() {
        return rehearsals;
    }

    public List<Evaluation> evaluations() {
        return evaluations;
    }

    /** All findings of all evaluations, in order. */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        for (Evaluation e : evaluations) {
            out.addAll(e.findings());
        }
        return out;
    }

    /** The findings that fail the build under the policy. */
    public List<Finding> violations() {
        List<Finding> out = new ArrayList<>();
        if (failOn == null) {
            return out;
        }
        for (Finding f : findings()) {
            if (f.severity().atLeast(failOn)) {
                out.add(f);
            }
        }
        return out;
    }

    /** True when a finding of this evaluation fails the build. */
    public boolean fails(Finding f) {
        return failOn != null && f.severity().atLeast(failOn);
    }

    /** "error", "warning" or "never". */
    public String failOnLabel() {
        return failOn == null ? "never" : failOn.label();
    }

    public String kbVersion() {
        return kbVersion;
    }

    public String toolVersion() {
        return toolVersion;
    }

    public String generatedAt() {
        return generatedAt;
    }

    /** Where a finding should be fixed: the URL's line for URL findings, the dependency for driver findings. */
    public SourceLocation locationOf(Finding f) {
        SourceLocation url = urlLocations.get(f.target());
        if (f.subject() == Finding.Subject.URL && url != null) {
            return url;
        }
        if (f.subject() == Finding.Subject.DRIVER && driverLocation != null) {
            return driverLocation;
        }
        if (url != null) {
            return url;
        }
        return driverLocation != null ? driverLocation : buildFile;
    }
}
