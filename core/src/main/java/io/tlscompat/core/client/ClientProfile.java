package io.tlscompat.core.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one client stack will do against one SQL Server: whether it uses TLS and which framing (TDS 7.x or TDS 8
 * strict), the protocols and suites it offers, when it validates the certificate and against which host name, and
 * what it refuses (certificate signatures, DH group sizes). Built by {@link JavaClientProfiles} for this project's
 * Java stack and by {@link WindowsClientProfiles} for declared Windows consumers. Immutable.
 */
public final class ClientProfile {
    /** Which kind of TLS stack this is. */
    public enum Kind { JAVA, WINDOWS }

    private final String name;
    private final Kind kind;
    private final boolean usesTls;
    private final boolean requestsEncryption;
    private final boolean strict;
    private final boolean strictCapable;
    private final List<String> protocols;
    private final List<String> suites;
    private final CertificateValidation validation;
    private final String hostnameToCheck;
    private final boolean trustConfigured;
    private final TrustStoreSelection trustStore;
    private final boolean checksHostName;
    private final boolean checksIpAddressSans;
    private final String pinnedCertificate;
    private final DisabledAlgorithms certificateConstraints;
    private final List<String> refusedCertificateHashesTls12;
    private final int minDhBits;
    private final int maxDhBits;
    private final boolean dheLeadingZeroFixed;
    private final String sslProtocol;
    private final List<String> notes;
    private final Map<String, Object> details;

    private ClientProfile(Builder b) {
        this.name = b.name;
        this.kind = b.kind;
        this.usesTls = b.usesTls;
        this.requestsEncryption = b.requestsEncryption;
        this.strict = b.strict;
        this.strictCapable = b.strictCapable;
        this.protocols = Collections.unmodifiableList(new ArrayList<>(b.protocols));
        this.suites = Collections.unmodifiableList(new ArrayList<>(b.suites));
        this.validation = b.validation;
        this.hostnameToCheck = b.hostnameToCheck;
        this.trustConfigured = b.trustConfigured;
        this.trustStore = b.trustStore;
        this.checksHostName = b.checksHostName;
        this.checksIpAddressSans = b.checksIpAddressSans;
        this.pinnedCertificate = b.pinnedCertificate;
        this.certificateConstraints = b.certificateConstraints;
        this.refusedCertificateHashesTls12 = Collections.unmodifiableList(new ArrayList<>(b.refusedCertificateHashesTls12));
        this.minDhBits = b.minDhBits;
        this.maxDhBits = b.maxDhBits;
        this.dheLeadingZeroFixed = b.dheLeadingZeroFixed;
        this.sslProtocol = b.sslProtocol;
        this.notes = Collections.unmodifiableList(new ArrayList<>(b.notes));
        this.details = Collections.unmodifiableMap(new LinkedHashMap<>(b.details));
    }

    /** A builder holding everything of this profile, to derive a profile that differs in a few fields. */
    public Builder toBuilder() {
        Builder b = new Builder(name, kind).usesTls(usesTls).requestsEncryption(requestsEncryption).strict(strict)
                .strictCapable(strictCapable).protocols(protocols).suites(suites).validation(validation)
                .hostnameToCheck(hostnameToCheck).trustConfigured(trustConfigured).trustStore(trustStore)
                .checksHostName(checksHostName).checksIpAddressSans(checksIpAddressSans)
                .pinnedCertificate(pinnedCertificate).certificateConstraints(certificateConstraints)
                .refusedCertificateHashesTls12(refusedCertificateHashesTls12).minDhBits(minDhBits)
                .maxDhBits(maxDhBits).dheLeadingZeroFixed(dheLeadingZeroFixed).sslProtocol(sslProtocol);
        for (String n : notes) {
            b.note(n);
        }
        for (Map.Entry<String, Object> e : details.entrySet()) {
            b.detail(e.getKey(), e.getValue());
        }
        return b;
    }

    public static Builder builder(String name, Kind kind) {
        return new Builder(name, kind);
    }

    /** E.g. "mssql-jdbc 12.8.1.jre11 on Java 17.0.15" or "windows-server-2012r2". */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** False only for a client that never does TLS (jTDS with ssl=off). */
    public boolean usesTls() {
        return usesTls;
    }

    /** True when the client asks for encryption and fails if the server cannot (encrypt=true, ssl=require). */
    public boolean requestsEncryption() {
        return requestsEncryption;
    }

    /** True for TDS 8 (encrypt=strict): TLS first, on the server's TDS 8 path. */
    public boolean strict() {
        return strict;
    }

    /** True when the driver could use TDS 8 if configured (mssql-jdbc 11.2+). */
    public boolean strictCapable() {
        return strictCapable;
    }

    /** Offered protocol versions, best first. */
    public List<String> protocols() {
        return protocols;
    }

    /** Offered suites, in the client's preference order. */
    public List<String> suites() {
        return suites;
    }

    public CertificateValidation validation() {
        return validation;
    }

    /** The name the certificate must carry (hostNameInCertificate or the URL host). */
    public String hostnameToCheck() {
        return hostnameToCheck;
    }

    /** True when a trustStore or serverCertificate is configured, so a private or self-signed CA can be trusted. */
    public boolean trustConfigured() {
        return trustConfigured;
    }

    /**
     * The trust store the driver validates against ({@link TrustStoreSelection}), or null when unknown (Windows
     * clients, or a profile built without one): then only a self-signed certificate is known to be untrusted.
     */
    public TrustStoreSelection trustStore() {
        return trustStore;
    }

    /** False for jTDS ssl=authenticate, whose default SSLSocketFactory checks the path but not the host name. */
    public boolean checksHostName() {
        return checksHostName;
    }

    /** True when the driver matches IP-address SANs (mssql-jdbc's {@code ipAddressSan} fact). */
    public boolean checksIpAddressSans() {
        return checksIpAddressSans;
    }

    /**
     * The {@code serverCertificate} file of encrypt=strict: the driver then compares the leaf with it instead of
     * PKIX and the host name; null otherwise.
     */
    public String pinnedCertificate() {
        return pinnedCertificate;
    }

    /** Certificate signature algorithms the client refuses (jdk.certpath + jdk.tls disabledAlgorithms); Java only. */
    public DisabledAlgorithms certificateConstraints() {
        return certificateConstraints;
    }

    /** Hashes Schannel refuses in TLS 1.2 certificate signatures; Windows only. */
    public List<String> refusedCertificateHashesTls12() {
        return refusedCertificateHashesTls12;
    }

    public int minDhBits() {
        return minDhBits;
    }

    public int maxDhBits() {
        return maxDhBits;
    }

    /** False for Windows peers without KB4557473's fix. Java clients strip leading zeros correctly (JDK-8014618). */
    public boolean dheLeadingZeroFixed() {
        return dheLeadingZeroFixed;
    }

    /** The SSLContext label (sslProtocol), "TLS" by default. */
    public String sslProtocol() {
        return sslProtocol;
    }

    /** Things the reader should know about how this profile was built. */
    public List<String> notes() {
        return notes;
    }

    /** The report's view of this client. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        m.putAll(details);
        m.put("usesTls", usesTls);
        m.put("framing", strict ? "TDS 8 (strict)" : "TDS 7.x");
        m.put("requestsEncryption", requestsEncryption);
        m.put("sslProtocol", sslProtocol);
        m.put("protocols", protocols);
        m.put("cipherSuites", suites);
        m.put("certificateValidation", validation.name());
        m.put("hostnameToCheck", hostnameToCheck);
        m.put("trustConfigured", trustConfigured);
        if (trustStore != null) {
            m.put("trustStore", trustStore.toJson());
        }
        if (pinnedCertificate != null) {
            m.put("serverCertificate", pinnedCertificate);
        }
        m.put("notes", notes);
        return m;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Collects a profile; defaults are those of a TLS-using, non-validating TDS 7.x client. */
    public static final class Builder {
        private final String name;
        private final Kind kind;
        private boolean usesTls = true;
        private boolean requestsEncryption;
        private boolean strict;
        private boolean strictCapable;
        private List<String> protocols = new ArrayList<>();
        private List<String> suites = new ArrayList<>();
        private CertificateValidation validation = CertificateValidation.NEVER;
        private String hostnameToCheck;
        private boolean trustConfigured;
        private TrustStoreSelection trustStore;
        private boolean checksHostName = true;
        private boolean checksIpAddressSans;
        private String pinnedCertificate;
        private DisabledAlgorithms certificateConstraints = DisabledAlgorithms.parse("");
        private List<String> refusedCertificateHashesTls12 = new ArrayList<>();
        private int minDhBits = 1024;
        private int maxDhBits = 8192;
        private boolean dheLeadingZeroFixed = true;
        private String sslProtocol = "TLS";
        private final List<String> notes = new ArrayList<>();
        private final Map<String, Object> details = new LinkedHashMap<>();

        private Builder(String name, Kind kind) {
            this.name = name;
            this.kind = kind;
        }

        public Builder usesTls(boolean v) { usesTls = v; return this; }
        public Builder requestsEncryption(boolean v) { requestsEncryption = v; return this; }
        public Builder strict(boolean v) { strict = v; return this; }
        public Builder strictCapable(boolean v) { strictCapable = v; return this; }
        public Builder protocols(List<String> v) { protocols = new ArrayList<>(v); return this; }
        public Builder suites(List<String> v) { suites = new ArrayList<>(v); return this; }
        public Builder validation(CertificateValidation v) { validation = v; return this; }
        public Builder hostnameToCheck(String v) { hostnameToCheck = v; return this; }
        public Builder trustConfigured(boolean v) { trustConfigured = v; return this; }
        public Builder trustStore(TrustStoreSelection v) { trustStore = v; return this; }
        public Builder checksHostName(boolean v) { checksHostName = v; return this; }
        public Builder checksIpAddressSans(boolean v) { checksIpAddressSans = v; return this; }
        public Builder pinnedCertificate(String v) { pinnedCertificate = v; return this; }
        public Builder certificateConstraints(DisabledAlgorithms v) { certificateConstraints = v; return this; }
        public Builder refusedCertificateHashesTls12(List<String> v) {
            refusedCertificateHashesTls12 = new ArrayList<>(v);
            return this;
        }
        public Builder minDhBits(int v) { minDhBits = v; return this; }
        public Builder maxDhBits(int v) { maxDhBits = v; return this; }
        public Builder dheLeadingZeroFixed(boolean v) { dheLeadingZeroFixed = v; return this; }
        public Builder sslProtocol(String v) { sslProtocol = v; return this; }
        public Builder note(String v) { notes.add(v); return this; }
        public Builder detail(String key, Object value) { details.put(key, value); return this; }

        public ClientProfile build() {
            return new ClientProfile(this);
        }
    }
}
