package io.tlscompat.core.eval;

import io.tlscompat.core.finding.FindingCode;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One predicted problem for one target and one client: stable code, severity, a one-line message, the fix in words
 * a DBA or developer can act on, the evidence (both sides' lists) and which configuration it is about (for SARIF
 * anchoring). Immutable.
 */
public final class Finding {
    /** What a finding is about, so reports can point at the line to change. */
    public enum Subject {
        /** The connection URL (encrypt, trustServerCertificate, sslProtocol, …). */
        URL,
        /** The driver dependency. */
        DRIVER,
        /** The target JDK. */
        JDK,
        /** The server's configuration. */
        SERVER
    }

    private final FindingCode code;
    private final Severity severity;
    private final String target;
    private final String client;
    private final String message;
    private final String remediation;
    private final Map<String, Object> evidence;
    private final Subject subject;

    public Finding(FindingCode code, Severity severity, String target, String client, String message,
            String remediation, Map<String, Object> evidence, Subject subject) {
        this.code = code;
        this.severity = severity;
        this.target = target;
        this.client = client;
        this.message = message;
        this.remediation = remediation;
        this.evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        this.subject = subject;
    }

    public FindingCode code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    /** "host:port". */
    public String target() {
        return target;
    }

    /** The client profile's name. */
    public String client() {
        return client;
    }

    public String message() {
        return message;
    }

    public String remediation() {
        return remediation;
    }

    public Map<String, Object> evidence() {
        return evidence;
    }

    public Subject subject() {
        return subject;
    }

    /** The report.json object: code, severity, target, client, message, remediation, evidence. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code.code());
        m.put("severity", severity.label());
        m.put("target", target);
        m.put("client", client);
        m.put("message", message);
        m.put("remediation", remediation);
        m.put("evidence", evidence);
        return m;
    }

    @Override
    public String toString() {
        return severity.label() + " " + code.code() + " [" + target + ", " + client + "]: " + message;
    }
}
