package io.tlscompat.maven;

import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.ObservedClient;
import io.tlscompat.core.eval.EarlyDropCause;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Evaluator;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.finding.FindingCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges a rehearsal into the prediction, so that the real driver has the last word.
 * <ul>
 * <li>A handshake that really completed turns the predicted handshake errors into warnings.</li>
 * <li>A handshake the driver really failed is an error finding with the observed cause: for a drop right after the
 * ClientHello or in the PRELOGIN (which the record cannot name), the gate's evaluator on the offer the driver really
 * sent against the probed server ({@link EarlyDropCause}), the rule the agent applies with its own probe; otherwise
 * the agent's diagnosis from the record's own words. With the driver's own message as evidence. When the prediction
 * named the same cause, or the agent named none for a failure later in the handshake, the prediction's finding
 * stands; when it named another, the observed cause is the error and the predicted errors become warnings.</li>
 * <li>Whenever the two sides disagree (pass against fail, or two different causes), a {@code prediction-mismatch}
 * warning shows both, for the knowledge base's sake.</li>
 * </ul>
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
        FindingCode predictedCode = firstErrorCode(predicted);
        Finding judged = observedFail ? earlyDropCause(predicted, record) : null;
        Finding observedFailure = observedFail ? observedFailure(predicted, record, driverSaid, judged) : null;
        // A failure the agent could not name does not contradict a predicted cause: the prediction's finding stays.
        boolean unnamed = observedFailure != null && judged == null
                && observedFailure.code() == FindingCode.HANDSHAKE_FAILED && predictedCode != null;
        boolean sameCause = observedFailure != null && (observedFailure.code() == predictedCode || unnamed);
        List<Finding> findings = new ArrayList<>();
        for (Finding f : predicted.findings()) {
            boolean disproved = observedOk || (observedFailure != null && !sameCause);
            findings.add(disproved && f.severity() == Severity.ERROR ? downgraded(f) : f);
        }
        if (observedFailure != null && !sameCause) {
            findings.add(observedFailure);
        }
        if (predictedOk != observedOk || (observedFailure != null && !predictedOk && !sameCause)) {
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("predicted", rehearsal.get("predicted"));
            evidence.put("predictedCodes", codes(predicted.findings()));
            evidence.put("observed", rehearsal.get("observed"));
            evidence.put("observedCode", observedFailure == null ? null : observedFailure.code().code());
            evidence.put("driverMessage", driverSaid);
            findings.add(new Finding(FindingCode.PREDICTION_MISMATCH, Severity.WARNING, predicted.target(),
                    predicted.client().name(), String.format(FindingTexts.PREDICTION_MISMATCH,
                            describe(rehearsal.get("predicted"), predictedCode),
                            describe(rehearsal.get("observed"), observedFailure == null ? null
                                    : observedFailure.code())),
                    FindingTexts.FIX_PREDICTION_MISMATCH, evidence, Finding.Subject.SERVER));
        }
        return predicted.withObservation(FindingTexts.OBSERVED, null, findings);
    }

    private static String describe(Object side, FindingCode code) {
        return code == null ? String.valueOf(side) : side + ", " + code.code();
    }

    private static FindingCode firstErrorCode(Evaluation e) {
        for (Finding f : e.findings()) {
            if (f.severity() == Severity.ERROR) {
                return f.code();
            }
        }
        return null;
    }

    /**
     * The cause of a drop the record alone cannot name (a reset, close or alert right after the ClientHello, or
     * in the PRELOGIN), judged like the agent judges it: the evaluator on the offer the driver really sent.
     */
    @SuppressWarnings("unchecked")
    private static Finding earlyDropCause(Evaluation predicted, Map<String, Object> record) {
        Object outcome = record.get("outcome");
        boolean dropped = "reset".equals(outcome) || "close".equals(outcome) || "alert".equals(outcome);
        boolean prelogin = "tds-prelogin".equals(record.get("stage"));
        if (!dropped || predicted.server() == null
                || !(prelogin || "client-hello-sent".equals(record.get("phase")))) {
            return null;
        }
        List<String> protocols = (List<String>) record.get("offeredProtocols");
        List<String> suites = (List<String>) record.get("offeredCipherSuites");
        ClientProfile client = protocols == null || protocols.isEmpty() ? predicted.client()
                : ObservedClient.withOffer(predicted.client(), protocols, suites == null
                        ? predicted.client().suites() : suites);
        Evaluation real = new Evaluator(Instant.now(), false).evaluate(predicted.target(), client,
                predicted.server());
        String ended = outcome + (prelogin ? " in the PRELOGIN" : " after " + record.get("phase"));
        return EarlyDropCause.of(real, prelogin, ended);
    }

    @SuppressWarnings("unchecked")
    private static Finding observedFailure(Evaluation predicted, Map<String, Object> record, String driverSaid,
            Finding judged) {
        Map<String, Object> diagnosis = (Map<String, Object>) record.get("diagnosis");
        FindingCode code = diagnosis == null ? null : FindingCode.fromCode(String.valueOf(diagnosis.get("code")));
        // An early drop is judged by the engine even when the fork's agent (which has no probe) offered a guess.
        if (judged != null) {
            Map<String, Object> evidence = new LinkedHashMap<>(judged.evidence());
            evidence.put("outcome", record.get("outcome"));
            evidence.put("phase", record.get("phase"));
            evidence.put("exception", record.get("exception"));
            evidence.put("offeredProtocols", record.get("offeredProtocols"));
            evidence.put("driverMessage", driverSaid);
            return new Finding(judged.code(), Severity.ERROR, predicted.target(), predicted.client().name(),
                    String.format(FindingTexts.OBSERVED_FAILURE, record.get("outcome") + " at "
                            + record.get("phase") + ", " + judged.message(), driverSaid), judged.remediation(),
                    evidence, judged.subject());
        }
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
