package io.tlscompat.maven;

import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.finding.FindingCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a rehearsal into the prediction, so that the real driver has the last word. A handshake the driver really
 * failed, where a pass was predicted, becomes an error finding with the agent's diagnosis (or
 * {@code handshake-failed} when it named none) and the driver's own message; a handshake that really completed turns the predicted handshake errors into warnings.
 * Whenever the two sides disagree, a {@code prediction-mismatch} warning shows both, for the knowledge base's sake.
 */
final class ObservedVerdict {
    private ObservedVerdict() {
    }

    /**
     * @param predicted the Java client's evaluation of the rehearsed target
     * @param rehearsal the entry {@link Rehearsal#run} returned (driver result, agent record, both sides' words)
     */
    @SuppressWarnings("unchecked")
    static Evaluation merge(Evaluation predicted, Map<String, Object> rehearsal) {
        Map<String, Object> record = (Map<String, Object>) rehearsal.get("agentRecord");
        Map<String, Object> driver = (Map<String, Object>) rehearsal.get("driver");
        String driverSaid = driver == null ? "" : String.valueOf(driver.get("message"));
        boolean predictedOk = !Rehearsal.handshakeError(predicted) && predicted.protocol() != null;
        boolean observedOk = record != null && "ok".equals(record.get("outcome"));
        boolean observedFail = record != null && !observedOk;
        List<Finding> findings = new ArrayList<>();
        for (Finding f : predicted.findings()) {
            findings.add(observedOk && f.severity() == Severity.ERROR ? downgraded(f) : f);
        }
        if (observedFail && predictedOk) {
            // A failure the prediction missed. When the prediction already failed the handshake, its own findings
            // (made with the probed server in hand) stay the verdict: the agent here runs without a probe, and for a
            // reset it can only guess the cause.
            findings.add(observedFailure(predicted, record, driverSaid));
        }
        if (predictedOk != observedOk) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("predicted", rehearsal.get("predicted"));
            evidence.put("predictedCodes", codes(predicted.findings()));
            evidence.put("observed", rehearsal.get("observed"));
            evidence.put("driverMessage", driverSaid);
            findings.add(new Finding(FindingCode.PREDICTION_MISMATCH, Severity.WARNING, predicted.target(),
                    predicted.client().name(), String.format(FindingTexts.PREDICTION_MISMATCH,
                            rehearsal.get("predicted"), rehearsal.get("observed")),
                    FindingTexts.FIX_PREDICTION_MISMATCH, evidence, Finding.Subject.SERVER));
        }
        return predicted.withObservation(FindingTexts.OBSERVED, null, findings);
    }

    @SuppressWarnings("unchecked")
    private static Finding observedFailure(Evaluation predicted, Map<String, Object> record, String driverSaid) {
        Map<String, Object> diagnosis = (Map<String, Object>) record.get("diagnosis");
        FindingCode code = diagnosis == null ? null : FindingCode.fromCode(String.valueOf(diagnosis.get("code")));
        String seen = record.get("outcome") + (record.get("phase") == null ? "" : " at " + record.get("phase"))
                + (diagnosis == null ? "" : ", " + diagnosis.get("message"));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("outcome", record.get("outcome"));
        evidence.put("phase", record.get("phase"));
        evidence.put("exception", record.get("exception"));
        evidence.put("diagnosis", diagnosis);
        evidence.put("driverMessage", driverSaid);
        return new Finding(code == null ? FindingCode.HANDSHAKE_FAILED : code, Severity.ERROR, predicted.target(),
                predicted.client().name(), String.format(FindingTexts.OBSERVED_FAILURE, seen, driverSaid),
                code == null || diagnosis.get("remediation") == null ? FindingTexts.FIX_HANDSHAKE_FAILED
                        : String.valueOf(diagnosis.get("remediation")),
                evidence, Finding.Subject.URL);
    }

    /** A predicted handshake error that the real handshake disproved stays visible, as a warning. */
    private static Finding downgraded(Finding f) {
        return new Finding(f.code(), Severity.WARNING, f.target(), f.client(), f.message(), f.remediation(),
                f.evidence(), f.subject());
    }

    private static List<String> codes(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(f.code().code());
        }
        return out;
    }
}
