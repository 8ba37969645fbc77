package io.tlscompat.agent.record;

import io.tlscompat.core.finding.FindingCode;
import java.util.LinkedHashMap;
import java.util.Map;

/** A finding code (from core's one list) with a one-line explanation and fix, as the record's {@code diagnosis}. */
public final class Diagnosis {
    private final FindingCode code;
    private final String explanation;
    private final String fix;
    private final String source;

    /**
     * @param source {@code record} when the record alone told, {@code probe} when a background probe of the server
     *     was needed, {@code counters} for per-server statistics
     */
    public Diagnosis(FindingCode code, String explanation, String fix, String source) {
        this.code = code;
        this.explanation = explanation;
        this.fix = fix;
        this.source = source;
    }

    public FindingCode code() {
        return code;
    }

    public String explanation() {
        return explanation;
    }

    public String fix() {
        return fix;
    }

    public String source() {
        return source;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("code", code.code());
        m.put("explanation", explanation);
        m.put("fix", fix);
        m.put("source", source);
        return m;
    }

    @Override
    public String toString() {
        return code.code() + " — " + explanation + "; fix: " + fix;
    }
}
