package io.tlscompat.simulator;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.SqlServerVersion;
import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import io.tlscompat.core.tls.TlsVersion;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything that makes the simulator look like one SQL Server: product version, PRELOGIN encryption answer,
 * TLS versions and suites of the TDS 7.x path and of the TDS 8 (strict) path, the certificate, how rejections
 * look, and the Windows bugs it reproduces. Immutable; {@link #toBuilder()} overrides any knob.
 */
public final class SimulatorProfile {
    private final String name;
    private final String description;
    private final SqlServerVersion productVersion;
    private final EncryptionLevel encryption;
    private final List<TlsVersion> protocols;
    private final List<CipherSuite> cipherSuites;
    private final boolean serverOrder;
    private final List<String> namedGroups;
    private final int dheGroupBits;
    private final boolean ignoresSupportedVersions;
    private final boolean strict;
    private final List<TlsVersion> strictProtocols;
    private final boolean forceStrict;
    private final CertificateSignature certSignature;
    private final int keySize;
    private final String certSubjectCn;
    private final String certIssuerCn;
    private final List<String> certSans;
    private final Instant certNotBefore;
    private final Instant certNotAfter;
    private final Rejection rejection;
    private final DheBug dheBug;
    private final boolean schannelRejectsWeakCertificate;
    private final String relayHost;
    private final int relayPort;
    private final boolean relayResetOnBackendFailure;

    private SimulatorProfile(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.productVersion = b.productVersion;
        this.encryption = b.encryption;
        this.protocols = Collections.unmodifiableList(new ArrayList<>(b.protocols));
        this.cipherSuites = Collections.unmodifiableList(new ArrayList<>(b.cipherSuites));
        this.serverOrder = b.serverOrder;
        this.namedGroups = Collections.unmodifiableList(new ArrayList<>(b.namedGroups));
        this.dheGroupBits = b.dheGroupBits;
        this.ignoresSupportedVersions = b.ignoresSupportedVersions;
        this.strict = b.strict;
        this.strictProtocols = Collections.unmodifiableList(new ArrayList<>(b.strictProtocols));
        this.forceStrict = b.forceStrict;
        this.certSignature = b.certSignature;
        this.keySize = b.keySize;
        this.certSubjectCn = b.certSubjectCn;
        this.certIssuerCn = b.certIssuerCn;
        this.certSans = Collections.unmodifiableList(new ArrayList<>(b.certSans));
        this.certNotBefore = b.certNotBefore;
        this.certNotAfter = b.certNotAfter;
        this.rejection = b.rejection;
        this.dheBug = b.dheBug;
        this.schannelRejectsWeakCertificate = b.schannelRejectsWeakCertificate;
        this.relayHost = b.relayHost;
        this.relayPort = b.relayPort;
        this.relayResetOnBackendFailure = b.relayResetOnBackendFailure;
    }

    /** A builder with SQL Server 2019 on Windows Server 2019 defaults. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding every knob of this profile. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public String name() {
        return name;
    }

    /** One line on what this profile reproduces. */
    public String description() {
        return description;
    }

    /** The product version in the PRELOGIN VERSION option, e.g. 15.0.2000. */
    public SqlServerVersion productVersion() {
        return productVersion;
    }

    /**
     * The server's encryption setting: OFF = encryption available, not forced (SQL Server's default; the
     * client's request decides), ON/REQ = "Force Encryption", NOT_SUP = no certificate, no TLS at all.
     */
    public EncryptionLevel encryption() {
        return encryption;
    }

    /** TLS versions of the TDS 7.x path (TLS inside PRELOGIN packets). */
    public List<TlsVersion> protocols() {
        return protocols;
    }

    /** Cipher suites in the server's preference order (TLS 1.3 suites are used on the strict path only). */
    public List<CipherSuite> cipherSuites() {
        return cipherSuites;
    }

    /** True when the server's suite order wins (Schannel's behaviour), false when the client's order wins. */
    public boolean serverOrder() {
        return serverOrder;
    }

    /**
     * Elliptic-curve groups for ECDHE (and TLS 1.3 key shares), by name, in Schannel's priority order: the server
     * picks the first one the client offers. Windows Server 2016 and later enable curve25519, NistP256 and
     * NistP384 (learn.microsoft.com "TLS Elliptic Curves in Windows 10 1607 and later"); 2012 R2 and 2008 R2
     * NistP256 and NistP384 (UNCERTAIN: not checked against a primary source). DHE uses Bouncy Castle's choice
     * (ffdhe2048 when the client offers RFC 7919 groups).
     */
    public List<String> namedGroups() {
        return namedGroups;
    }

    /**
     * Size of the finite-field group of DHE suites: 1024 (RFC 2409 Oakley group 2), 2048 (RFC 3526 group 14), 3072
     * or 4096 (RFC 7919 ffdhe); 0 lets Bouncy Castle choose (ffdhe2048 for a client offering RFC 7919 groups).
     */
    public int dheGroupBits() {
        return dheGroupBits;
    }

    /**
     * True for a Schannel that predates TLS 1.3 (Windows Server 2019 and older): it picks its version from the
     * ClientHello's legacy version and ignores supported_versions, so a client that allows only newer versions gets
     * a ServerHello it refuses ("The server selected protocol version TLS10 is not accepted by client
     * preferences"). False for Windows Server 2022, whose Schannel knows TLS 1.3: no common version is a reset.
     */
    public boolean ignoresSupportedVersions() {
        return ignoresSupportedVersions;
    }

    /** True when TDS 8 ("strict": TLS first, ALPN tds/8.0) is accepted. */
    public boolean strict() {
        return strict;
    }

    /** TLS versions of the TDS 8 path. */
    public List<TlsVersion> strictProtocols() {
        return strictProtocols;
    }

    /** True when only TDS 8 is accepted: a plain PRELOGIN is reset ("Force Strict Encryption"). */
    public boolean forceStrict() {
        return forceStrict;
    }

    public CertificateSignature certSignature() {
        return certSignature;
    }

    /** RSA key size of the served certificate in bits. */
    public int keySize() {
        return keySize;
    }

    public String certSubjectCn() {
        return certSubjectCn;
    }

    /** The CN of the CA that issued the certificate, or null for a self-signed certificate. */
    public String certIssuerCn() {
        return certIssuerCn;
    }

    /** DNS subject alternative names of the certificate (empty: none, like SQL Server's self-signed one). */
    public List<String> certSans() {
        return certSans;
    }

    /** Start of validity, or null for "one day ago" at start-up. */
    public Instant certNotBefore() {
        return certNotBefore;
    }

    /** End of validity, or null for "in a year" at start-up. */
    public Instant certNotAfter() {
        return certNotAfter;
    }

    public Rejection rejection() {
        return rejection;
    }

    public DheBug dheBug() {
        return dheBug;
    }

    /**
     * True when a TLS 1.2 handshake with a CA-issued MD5/SHA-224/SHA-512-signed certificate is reset after the
     * ClientHello, as Schannel does ("Self-signed certificates aren't affected"); false serves it anyway.
     */
    public boolean schannelRejectsWeakCertificate() {
        return schannelRejectsWeakCertificate;
    }

    /** True when the TLS handshake is relayed to an external TLS server. */
    public boolean isRelay() {
        return relayHost != null;
    }

    public String relayHost() {
        return relayHost;
    }

    public int relayPort() {
        return relayPort;
    }

    /** True when a backend alert or close during the relayed handshake becomes a reset, like Schannel. */
    public boolean relayResetOnBackendFailure() {
        return relayResetOnBackendFailure;
    }

    /** True when the served certificate is one Schannel would refuse to use for this TLS version. */
    boolean refusesCertificateFor(TlsVersion version) {
        return schannelRejectsWeakCertificate && version == TlsVersion.TLSv1_2
                && certSignature.rejectedBySchannelOnTls12() && certIssuerCn != null;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds {@link SimulatorProfile}s; every setter returns the builder. */
    public static final class Builder {
        private String name;
        private String description = "";
        private SqlServerVersion productVersion = SqlServerVersion.parse("15.0.2000");
        private EncryptionLevel encryption = EncryptionLevel.OFF;
        private List<TlsVersion> protocols = Arrays.asList(TlsVersion.TLSv1, TlsVersion.TLSv1_1, TlsVersion.TLSv1_2);
        private List<CipherSuite> cipherSuites = WindowsCipherSuites.WINDOWS_2019;
        private boolean serverOrder = true;
        // Schannel's default curves on Windows 10 / Server 2016 and later (2012 R2 and older: P-256, P-384 only).
        // Windows 10 1607+: learn.microsoft.com "TLS Elliptic Curves in Windows 10 1607 and later"; older: UNCERTAIN.
        private List<String> namedGroups = Arrays.asList("x25519", "secp256r1", "secp384r1");
        private int dheGroupBits;
        private boolean ignoresSupportedVersions = true;
        private boolean strict;
        private List<TlsVersion> strictProtocols = Collections.emptyList();
        private boolean forceStrict;
        private CertificateSignature certSignature = CertificateSignature.SHA256;
        private int keySize = 2048;
        private String certSubjectCn = "SSL_Self_Signed_Fallback";
        private String certIssuerCn;
        private List<String> certSans = Collections.emptyList();
        private Instant certNotBefore;
        private Instant certNotAfter;
        private Rejection rejection = Rejection.RESET;
        private DheBug dheBug = DheBug.NEVER;
        private boolean schannelRejectsWeakCertificate = true;
        private String relayHost;
        private int relayPort;
        private boolean relayResetOnBackendFailure;

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        private Builder(SimulatorProfile p) {
            this.name = p.name;
            this.description = p.description;
            this.productVersion = p.productVersion;
            this.encryption = p.encryption;
            this.protocols = p.protocols;
            this.cipherSuites = p.cipherSuites;
            this.serverOrder = p.serverOrder;
            this.namedGroups = p.namedGroups;
            this.dheGroupBits = p.dheGroupBits;
            this.ignoresSupportedVersions = p.ignoresSupportedVersions;
            this.strict = p.strict;
            this.strictProtocols = p.strictProtocols;
            this.forceStrict = p.forceStrict;
            this.certSignature = p.certSignature;
            this.keySize = p.keySize;
            this.certSubjectCn = p.certSubjectCn;
            this.certIssuerCn = p.certIssuerCn;
            this.certSans = p.certSans;
            this.certNotBefore = p.certNotBefore;
            this.certNotAfter = p.certNotAfter;
            this.rejection = p.rejection;
            this.dheBug = p.dheBug;
            this.schannelRejectsWeakCertificate = p.schannelRejectsWeakCertificate;
            this.relayHost = p.relayHost;
            this.relayPort = p.relayPort;
            this.relayResetOnBackendFailure = p.relayResetOnBackendFailure;
        }

        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        public Builder description(String value) {
            this.description = Objects.requireNonNull(value, "description");
            return this;
        }

        public Builder productVersion(String value) {
            this.productVersion = SqlServerVersion.parse(value);
            return this;
        }

        public Builder encryption(EncryptionLevel value) {
            this.encryption = Objects.requireNonNull(value, "encryption");
            return this;
        }

        public Builder protocols(TlsVersion... values) {
            return protocols(Arrays.asList(values));
        }

        public Builder protocols(List<TlsVersion> values) {
            this.protocols = new ArrayList<>(values);
            return this;
        }

        public Builder cipherSuites(List<CipherSuite> values) {
            this.cipherSuites = new ArrayList<>(values);
            return this;
        }

        /**
         * Cipher suites by IANA name, in preference order.
         *
         * @throws IllegalArgumentException naming the first unknown suite
         */
        public Builder cipherSuites(String... names) {
            List<CipherSuite> list = new ArrayList<>();
            for (String n : names) {
                CipherSuite suite = CipherSuites.byName(n.trim());
                if (suite == null) {
                    throw new IllegalArgumentException("unknown cipher suite '" + n.trim()
                            + "': use IANA names such as TLS_RSA_WITH_AES_128_GCM_SHA256");
                }
                list.add(suite);
            }
            this.cipherSuites = list;
            return this;
        }

        public Builder serverOrder(boolean value) {
            this.serverOrder = value;
            return this;
        }

        /**
         * ECDHE groups by name (x25519, secp256r1, secp384r1, secp521r1, x448...), in priority order.
         *
         * @throws IllegalArgumentException naming the first unknown group
         */
        public Builder namedGroups(String... names) {
            for (String n : names) {
                if (NamedGroups.code(n) < 0) {
                    throw new IllegalArgumentException("unknown named group '" + n
                            + "': use names such as x25519, secp256r1, secp384r1");
                }
            }
            this.namedGroups = Arrays.asList(names);
            return this;
        }

        public Builder ignoresSupportedVersions(boolean value) {
            this.ignoresSupportedVersions = value;
            return this;
        }

        /** DHE group size: 0 (Bouncy Castle's choice), 1024, 2048, 3072 or 4096. */
        public Builder dheGroupBits(int bits) {
            if (bits != 0 && bits != 1024 && bits != 2048 && bits != 3072 && bits != 4096) {
                throw new IllegalArgumentException("DHE group of " + bits + " bits is not one of 1024, 2048, 3072, "
                        + "4096 (or 0 for the default)");
            }
            this.dheGroupBits = bits;
            return this;
        }

        /** Accept TDS 8 with these TLS versions (none: no TDS 8). */
        public Builder strict(TlsVersion... versions) {
            this.strictProtocols = Arrays.asList(versions);
            this.strict = versions.length > 0;
            return this;
        }

        public Builder forceStrict(boolean value) {
            this.forceStrict = value;
            return this;
        }

        public Builder certSignature(CertificateSignature value) {
            this.certSignature = Objects.requireNonNull(value, "certSignature");
            return this;
        }

        public Builder keySize(int bits) {
            this.keySize = bits;
            return this;
        }

        /**
         * Issue the certificate from a stand-in CA with this CN (signed with the profile's hash), as the certificate
         * SQL Server picks from the machine store is; null (the default) makes it self-signed.
         */
        public Builder certIssuerCn(String value) {
            this.certIssuerCn = value;
            return this;
        }

        public Builder certSubjectCn(String value) {
            this.certSubjectCn = Objects.requireNonNull(value, "certSubjectCn");
            return this;
        }

        public Builder certSans(String... dnsNames) {
            this.certSans = Arrays.asList(dnsNames);
            return this;
        }

        /** Validity of the certificate; null for the defaults (yesterday, in a year). */
        public Builder certValidity(Instant notBefore, Instant notAfter) {
            this.certNotBefore = notBefore;
            this.certNotAfter = notAfter;
            return this;
        }

        /** A certificate that expired yesterday. */
        public Builder expiredCertificate() {
            Instant now = Instant.now();
            return certValidity(now.minusSeconds(400L * 86400), now.minusSeconds(86400));
        }

        public Builder rejection(Rejection value) {
            this.rejection = Objects.requireNonNull(value, "rejection");
            return this;
        }

        public Builder dheBug(DheBug value) {
            this.dheBug = Objects.requireNonNull(value, "dheBug");
            return this;
        }

        public Builder schannelRejectsWeakCertificate(boolean value) {
            this.schannelRejectsWeakCertificate = value;
            return this;
        }

        /** Relay the TLS handshake to an external TLS server; null host turns relay mode off. */
        public Builder relayTo(String host, int port) {
            this.relayHost = host;
            this.relayPort = port;
            return this;
        }

        public Builder relayResetOnBackendFailure(boolean value) {
            this.relayResetOnBackendFailure = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException with one line naming the inconsistent knob and the fix
         */
        public SimulatorProfile build() {
            if (!forceStrict && encryption != EncryptionLevel.NOT_SUP && protocols.isEmpty() && relayHost == null) {
                throw new IllegalArgumentException("profile " + name
                        + ": no TLS versions for the TDS 7.x path; set protocols or encryption NOT_SUP");
            }
            if (forceStrict && !strict) {
                throw new IllegalArgumentException("profile " + name
                        + ": forceStrict needs strict TLS versions; call strict(TLSv1_3, TLSv1_2) too");
            }
            if (keySize < 512 || keySize > 8192) {
                throw new IllegalArgumentException("profile " + name + ": key size " + keySize
                        + " is outside 512..8192 bits");
            }
            if (cipherSuites.isEmpty() && relayHost == null) {
                throw new IllegalArgumentException("profile " + name + ": no cipher suites");
            }
            if (relayHost != null && (relayPort < 1 || relayPort > 65535)) {
                throw new IllegalArgumentException("profile " + name + ": relay port " + relayPort
                        + " is outside 1..65535");
            }
            return new SimulatorProfile(this);
        }
    }
}
