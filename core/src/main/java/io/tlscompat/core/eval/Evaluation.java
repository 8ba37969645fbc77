package io.tlscompat.core.eval;

import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.profile.ServerProfile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluator's answer for one target and one client: the predicted handshake (framing, version, suite), the
 * findings and the verdict. The server profile is null when the server could not be probed.
 */
public final class Evaluation {
    private final String target;
    private final ClientProfile client;
    private final ServerProfile server;
    private final String framing;
    private final String protocol;
    private final String cipherSuite;
    private final List<Finding> findings;
    private final String observation;
    private final String notObservedBecause;

    public Evaluation(String target, ClientProfile client, ServerProfile server, String framing, String protocol,
            String cipherSuite, List<Finding> findings) {
        this(target, client, server, framing, protocol, cipherSuite, findings, null, null);
    }

    private Evaluation(String target, ClientProfile client, ServerProfile server, String framing, String protocol,
            String cipherSuite, List<Finding> findings, String observation, String notObservedBecause) {
        this.observation = observation;
        this.notObservedBecause = notObservedBecause;
        this.target = target;
        this.client = client;
        this.server = server;
        this.framing = framing;
        this.protocol = protocol;
        this.cipherSuite = cipherSuite;
        this.findings = Collections.unmodifiableList(new ArrayList<>(findings));
    }

    public String target() {
        return target;
    }

    public ClientProfile client() {
        return client;
    }

    /** The probed or saved server profile; null when unreachable. */
    public ServerProfile server() {
        return server;
    }

    /** "TDS 7.x", "TDS 8 (strict)" or "none" (no TLS). */
    public String framing() {
        return framing;
    }

    /** The predicted TLS version, or null when no handshake would complete. */
    public String protocol() {
        return protocol;
    }

    /** The predicted suite, or null. */
    public String cipherSuite() {
        return cipherSuite;
    }

    public List<Finding> findings() {
        return findings;
    }

    /**
     * This evaluation after the rehearsal: {@link FindingTexts#OBSERVED} with the findings as the observation left
     * them, or {@link FindingTexts#NOT_OBSERVED} (the same findings) with the reason no rehearsal could run.
     */
    public Evaluation withObservation(String observation, String notObservedBecause, List<Finding> newFindings) {
        return new Evaluation(target, client, server, framing, protocol, cipherSuite, newFindings, observation,
                notObservedBecause);
    }

    /** "observed", "predicted, not observed", or null when the gate did not consider a rehearsal. */
    public String observation() {
        return observation;
    }

    /** Why no rehearsal ran, or null. */
    public String notObservedBecause() {
        return notObservedBecause;
    }

    public Verdict verdict() {
        return Verdict.of(findings);
    }

    /** True when a finding with this code is present. */
    public boolean has(io.tlscompat.core.finding.FindingCode code) {
        for (Finding f : findings) {
            if (f.code() == code) {
                return true;
            }
        }
        return false;
    }

    /** The report.json "targets" entry: target, client, server, predicted handshake, verdict. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", target);
        m.put("client", client.toJson());
        m.put("server", server == null ? null : server.toJson());
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("framing", framing);
        h.put("protocol", protocol);
        h.put("cipherSuite", cipherSuite);
        m.put("predictedHandshake", h);
        if (observation != null) {
            m.put("observation", observation);
            if (notObservedBecause != null) {
                m.put("notObservedBecause", notObservedBecause);
            }
        }
        m.put("verdict", verdict().label());
        List<String> codes = new ArrayList<>();
        for (Finding f : findings) {
            codes.add(f.code().code());
        }
        m.put("findingCodes", codes);
        return m;
    }
}
