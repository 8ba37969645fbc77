package io.tlscompat.core.profile;

import io.tlscompat.core.tls.TlsVersion;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a server accepts on one path: TDS 7.x (TLS inside PRELOGIN packets) or TDS 8 (TLS first, ALPN tds/8.0).
 * Only accepted protocol versions appear in {@link #protocols()}.
 */
public final class PathProfile {
    private final boolean supported;
    private final Map<TlsVersion, ProtocolSupport> protocols;
    private final String alpn;

    /**
     * @param supported whether the path answered at all (PRELOGIN for TDS 7.x, a TLS handshake for TDS 8)
     * @param protocols accepted versions and their suites
     * @param alpn      for TDS 8, the ALPN protocol the server selected (null when none); always null for TDS 7.x
     */
    public PathProfile(boolean supported, Map<TlsVersion, ProtocolSupport> protocols, String alpn) {
        this.supported = supported;
        EnumMap<TlsVersion, ProtocolSupport> copy = new EnumMap<>(TlsVersion.class);
        copy.putAll(protocols);
        this.protocols = Collections.unmodifiableMap(copy);
        this.alpn = alpn;
    }

    /** A path that did not answer. */
    public static PathProfile unsupported() {
        return new PathProfile(false, Collections.<TlsVersion, ProtocolSupport>emptyMap(), null);
    }

    public boolean supported() {
        return supported;
    }

    /** Accepted versions (ascending) and what each accepts. */
    public Map<TlsVersion, ProtocolSupport> protocols() {
        return protocols;
    }

    /** The ALPN protocol the server selected on this path, or null. */
    public String alpn() {
        return alpn;
    }

    Map<String, Object> toJson(boolean withAlpn) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("supported", supported);
        Map<String, Object> p = new LinkedHashMap<>();
        for (Map.Entry<TlsVersion, ProtocolSupport> e : protocols.entrySet()) {
            p.put(e.getKey().jdkName(), e.getValue().toJson());
        }
        m.put("protocols", p);
        if (withAlpn) {
            m.put("alpn", alpn);
        }
        return m;
    }

    static PathProfile fromJson(Map<String, Object> m) {
        if (m == null) {
            return unsupported();
        }
        Map<TlsVersion, ProtocolSupport> protocols = new LinkedHashMap<>();
        Map<String, Object> p = JsonFields.object(m, "protocols");
        if (p != null) {
            for (Map.Entry<String, Object> e : p.entrySet()) {
                TlsVersion v = TlsVersion.fromJdkName(e.getKey());
                if (v == null) {
                    throw new IllegalArgumentException("unknown protocol version '" + e.getKey()
                            + "' in server profile (expected SSLv3, TLSv1, TLSv1.1, TLSv1.2 or TLSv1.3)");
                }
                protocols.put(v, ProtocolSupport.fromJson(JsonFields.asObject(e.getValue(), e.getKey())));
            }
        }
        return new PathProfile(JsonFields.bool(m, "supported"), protocols, JsonFields.string(m, "alpn"));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PathProfile)) {
            return false;
        }
        PathProfile other = (PathProfile) o;
        return other.supported == supported && other.protocols.equals(protocols)
                && (alpn == null ? other.alpn == null : alpn.equals(other.alpn));
    }

    @Override
    public int hashCode() {
        return protocols.hashCode() + (supported ? 1 : 0);
    }

    @Override
    public String toString() {
        return toJson(true).toString();
    }
}
