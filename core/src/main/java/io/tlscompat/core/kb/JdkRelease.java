package io.tlscompat.core.kb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the knowledge base says about one JDK release's TLS client defaults: the protocols SSLContext "TLS"
 * enables for clients, the two security properties that remove algorithms, the DH group limits, and the
 * default-enabled suites before the properties filter them. Immutable.
 */
public final class JdkRelease {
    private final JdkVersion version;
    private final List<String> clientProtocols;
    private final String tlsDisabledAlgorithms;
    private final String certpathDisabledAlgorithms;
    private final int minDhBits;
    private final int maxDhBits;
    private final List<String> defaultSuites;
    private final List<String> uncertain;
    private final String source;

    JdkRelease(JdkVersion version, List<String> clientProtocols, String tlsDisabledAlgorithms,
            String certpathDisabledAlgorithms, int minDhBits, int maxDhBits, List<String> defaultSuites,
            List<String> uncertain, String source) {
        this.version = version;
        this.clientProtocols = Collections.unmodifiableList(new ArrayList<>(clientProtocols));
        this.tlsDisabledAlgorithms = tlsDisabledAlgorithms;
        this.certpathDisabledAlgorithms = certpathDisabledAlgorithms;
        this.minDhBits = minDhBits;
        this.maxDhBits = maxDhBits;
        this.defaultSuites = Collections.unmodifiableList(new ArrayList<>(defaultSuites));
        this.uncertain = Collections.unmodifiableList(new ArrayList<>(uncertain));
        this.source = source;
    }

    public JdkVersion version() {
        return version;
    }

    /** Protocols SSLContext "TLS" enables for a client, before jdk.tls.disabledAlgorithms. */
    public List<String> clientProtocols() {
        return clientProtocols;
    }

    /** The release's {@code jdk.tls.disabledAlgorithms} value. */
    public String tlsDisabledAlgorithms() {
        return tlsDisabledAlgorithms;
    }

    /** The release's {@code jdk.certpath.disabledAlgorithms} value. */
    public String certpathDisabledAlgorithms() {
        return certpathDisabledAlgorithms;
    }

    /** Smallest DHE group the client accepts. */
    public int minDhBits() {
        return minDhBits;
    }

    /** Largest DHE group the client can compute with (1024 on JDK 7). */
    public int maxDhBits() {
        return maxDhBits;
    }

    /** Default-enabled client suites in preference order, before jdk.tls.disabledAlgorithms. */
    public List<String> defaultSuites() {
        return defaultSuites;
    }

    /** Names of the fields the cited sources do not settle (UNCERTAIN). */
    public List<String> uncertain() {
        return uncertain;
    }

    /** Where these facts come from. */
    public String source() {
        return source;
    }
}
