package io.tlscompat.agent.record;

import io.tlscompat.core.finding.FindingCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finding code (from core's one list) with a one-line message and remediation, as the record's {@code diagnosis}.
 * The names are the gate's ({@code code}, {@code message}, {@code remediation}), so one failure reads the same in a
 * record and in a gate report.
 */
public final class Diagnosis {
    private final FindingCode code;
    private final String message;
    private final String remediation;
    private final String source;

    /**
     * @param source {@code record} when the record alone told, {@code probe} when a background probe of the server
     *     was needed (the gate's evaluator then judged the handshake), {@code counters} for per-server statistics
     */
    public Diagnosis(FindingCode code, String message, String remediation, String source) {
        this.code = code;
        this.message = message;
        this.remediation = remediation;
        this.source = source;
    }

    public FindingCode code() {
        return code;
    }

    /** What was found, in one line. */
    public String message() {
        return message;
    }

    /** What to change, and on which side. */
    public String remediation() {
        return remediation;
    }

    public String source() {
        return source;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("code", code.code());
        m.put("message", message);
        m.put("remediation", remediation);
        m.put("source", source);
        return m;
    }

    @Override
    public String toString() {
        return code.code() + " — " + message + "; fix: " + remediation;
    }
}
