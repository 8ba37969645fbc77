package io.tlscompat.core.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TLS client policy of the JDK the application will run on: enabled protocols per SSLContext label, enabled
 * suites, the two disabledAlgorithms properties and the DH limits, plus where the facts came from (a forked JDK,
 * the knowledge base, or the JDK running Maven). Immutable.
 */
public final class JdkTlsPolicy {
    /** How the policy was learned. */
    public enum Origin {
        /** The target JDK was run with {@link JdkDefaultsProbe}: the truth, including vendor and OS policies. */
        FORKED,
        /** Answered from the knowledge base for a {@code targetJavaVersion}. */
        KNOWLEDGE_BASE,
        /** No target given: the JDK running the build. */
        RUNNING_JDK
    }

    private final String javaVersion;
    private final String description;
    private final Origin origin;
    private final Map<String, List<String>> protocolsByContext;
    private final List<String> suites;
    private final DisabledAlgorithms tlsDisabled;
    private final DisabledAlgorithms certpathDisabled;
    private final int minDhBits;
    private final int maxDhBits;
    private final String source;

    /**
     * @param protocolsByContext enabled client protocols per SSLContext label ("TLS", "TLSv1.2", …), in preference
     *                           order, already filtered by jdk.tls.disabledAlgorithms
     * @param suites             enabled client suites (SSLContext "TLS") in preference order, already filtered
     */
    public JdkTlsPolicy(String javaVersion, String description, Origin origin,
            Map<String, List<String>> protocolsByContext, List<String> suites, DisabledAlgorithms tlsDisabled,
            DisabledAlgorithms certpathDisabled, int minDhBits, int maxDhBits, String source) {
        this.javaVersion = javaVersion;
        this.description = description;
        this.origin = origin;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : protocolsByContext.entrySet()) {
            copy.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
        }
        this.protocolsByContext = Collections.unmodifiableMap(copy);
        this.suites = Collections.unmodifiableList(new ArrayList<>(suites));
        this.tlsDisabled = tlsDisabled;
        this.certpathDisabled = certpathDisabled;
        this.minDhBits = minDhBits;
        this.maxDhBits = maxDhBits;
        this.source = source;
    }

    /** E.g. {@code 17.0.15}. */
    public String javaVersion() {
        return javaVersion;
    }

    /** E.g. "Java 25 (Eclipse Adoptium) at /usr/lib/jvm/temurin-25-jdk-amd64". */
    public String description() {
        return description;
    }

    public Origin origin() {
        return origin;
    }

    /**
     * The protocols a client enables with {@code SSLContext.getInstance(label)}. Unknown labels fall back to the
     * "TLS" context, which is what a driver gets without an sslProtocol.
     */
    public List<String> protocolsFor(String contextLabel) {
        List<String> p = protocolsByContext.get(contextLabel == null ? "TLS" : contextLabel);
        return p != null ? p : protocolsByContext.get("TLS");
    }

    public Map<String, List<String>> protocolsByContext() {
        return protocolsByContext;
    }

    public List<String> suites() {
        return suites;
    }

    public DisabledAlgorithms tlsDisabled() {
        return tlsDisabled;
    }

    public DisabledAlgorithms certpathDisabled() {
        return certpathDisabled;
    }

    public int minDhBits() {
        return minDhBits;
    }

    public int maxDhBits() {
        return maxDhBits;
    }

    /** Where the facts come from, for the report. */
    public String source() {
        return source;
    }

    /** The report's view of this policy. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("javaVersion", javaVersion);
        m.put("description", description);
        m.put("origin", origin.name());
        m.put("protocols", new LinkedHashMap<String, Object>(protocolsByContext));
        m.put("cipherSuites", suites);
        m.put("tlsDisabledAlgorithms", tlsDisabled.text());
        m.put("certpathDisabledAlgorithms", certpathDisabled.text());
        m.put("minDhBits", minDhBits);
        m.put("maxDhBits", maxDhBits);
        m.put("source", source);
        return m;
    }
}
