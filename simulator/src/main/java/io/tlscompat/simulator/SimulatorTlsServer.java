package io.tlscompat.simulator;

import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import io.tlscompat.core.tls.TlsVersion;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateEntry;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.ProtocolName;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsDHUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.DHStandardGroups;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsDHConfig;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

/**
 * The Bouncy Castle TLS server for one connection: the profile's versions, suites and suite order, its
 * certificate, ALPN {@code tds/8.0} on the strict path, and Schannel's refusal of weakly-signed certificates.
 */
final class SimulatorTlsServer extends DefaultTlsServer {
    /** The ALPN protocol id of TDS 8 (mssql-jdbc IOBuffer PROTOCOL_TDS80). */
    static final String TDS8_ALPN = "tds/8.0";

    private final SimulatorProfile profile;
    private final ServerCertificate certificate;
    private final List<TlsVersion> versions;
    private final boolean strictPath;
    private volatile boolean refusedWeakCertificate;
    /** The ECDHE group chosen for TLS 1.2 and earlier (BC records the group only for TLS 1.3). */
    private volatile int selectedEcdhGroup = -1;
    /** The size of the DHE group, when a DHE suite was chosen. */
    private volatile int selectedDhBits;
    private final Runnable onHandshakeComplete;

    /**
     * @param strictPath true for TDS 8 (TLS first): the strict versions and ALPN; false for TLS inside PRELOGIN
     * @param onHandshakeComplete runs when the handshake completes, before the server's last flight is sent
     */
    SimulatorTlsServer(BcTlsCrypto crypto, SimulatorProfile profile, ServerCertificate certificate,
            boolean strictPath, Runnable onHandshakeComplete) {
        super(crypto);
        this.onHandshakeComplete = onHandshakeComplete;
        this.profile = profile;
        this.certificate = certificate;
        this.strictPath = strictPath;
        this.versions = strictPath ? profile.strictProtocols() : profile.protocols();
    }

    /** The suites of {@code suites} that Bouncy Castle has no implementation for (RC4, export and other suites BC dropped). */
    static List<CipherSuite> unsupportedSuites(BcTlsCrypto crypto, List<CipherSuite> suites) {
        List<CipherSuite> out = new ArrayList<>();
        for (CipherSuite s : suites) {
            if (TlsUtils.getSupportedCipherSuites(crypto, new int[] {s.code()}).length == 0) {
                out.add(s);
            }
        }
        return out;
    }

    /** True when the handshake failed because Schannel would refuse the weakly-signed certificate. */
    boolean refusedWeakCertificate() {
        return refusedWeakCertificate;
    }

    /** "TLSv1.2 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (ALPN tds/8.0)" for logs, after the handshake. */
    String negotiated() {
        SecurityParameters sp = context.getSecurityParametersConnection();
        if (sp == null) {
            return "(no handshake)";
        }
        TlsVersion v = TlsVersion.fromWireValue(sp.getNegotiatedVersion().getFullVersion());
        CipherSuite suite = CipherSuites.byCode(sp.getCipherSuite());
        ProtocolName alpn = sp.getApplicationProtocol();
        int group = sp.getNegotiatedGroup() >= 0 ? sp.getNegotiatedGroup() : selectedEcdhGroup;
        return v + " " + (suite == null ? String.format("0x%04x", sp.getCipherSuite()) : suite.name())
                + (group >= 0 ? " " + NamedGroup.getName(group) : "")
                + (selectedDhBits > 0 ? " DHE " + selectedDhBits + "-bit" : "")
                + (alpn == null ? "" : " (ALPN " + alpn.getUtf8Decoding() + ")");
    }

    /**
     * Schannel answers clients that do not signal RFC 5746 (nmap's hellos carry neither renegotiation_info nor the
     * SCSV) and refuses only a later insecure renegotiation; Bouncy Castle's default aborts the handshake. Renegotiation
     * itself stays refused by Bouncy Castle's default policy.
     */
    @Override
    public void notifySecureRenegotiation(boolean secureRenegotiation) {
        // accept, like Schannel
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        List<ProtocolVersion> list = new ArrayList<>();
        for (TlsVersion v : versions) {
            ProtocolVersion pv = ProtocolVersion.get(v.wireValue() >>> 8, v.wireValue() & 0xFF);
            list.add(pv);
        }
        return list.toArray(new ProtocolVersion[0]);
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        int[] codes = new int[profile.cipherSuites().size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = profile.cipherSuites().get(i).code();
        }
        return TlsUtils.getSupportedCipherSuites(getCrypto(), codes);
    }

    /** The profile's groups as codes, in priority order. */
    private int[] groups() {
        int[] g = new int[profile.namedGroups().size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = NamedGroups.code(profile.namedGroups().get(i));
        }
        return g;
    }

    private boolean clientOffers(int group) {
        int[] offered = context.getSecurityParametersHandshake().getClientSupportedGroups();
        if (offered == null) {
            // No supported_groups extension: an old client (RFC 4492 era) that knows the NIST curves only.
            return NamedGroup.getName(group).startsWith("secp");
        }
        for (int o : offered) {
            if (o == group) {
                return true;
            }
        }
        return false;
    }

    @Override
    public TlsDHConfig getDHConfig() throws IOException {
        TlsDHConfig config;
        switch (profile.dheGroupBits()) {
            case 1024:
                config = new TlsDHConfig(DHStandardGroups.rfc2409_1024);
                break;
            case 2048:
                config = new TlsDHConfig(DHStandardGroups.rfc3526_2048);
                break;
            case 3072:
                config = new TlsDHConfig(DHStandardGroups.rfc7919_ffdhe3072);
                break;
            case 4096:
                config = new TlsDHConfig(DHStandardGroups.rfc7919_ffdhe4096);
                break;
            default:
                config = super.getDHConfig();
        }
        selectedDhBits = TlsDHUtils.getDHGroup(config).getP().bitLength();
        return config;
    }

    @Override
    public int[] getSupportedGroups() {
        return groups();
    }

    @Override
    protected int getMaximumNegotiableCurveBits() {
        int bits = 0;
        for (int g : groups()) {
            if (NamedGroup.refersToAnECDHCurve(g) && clientOffers(g)) {
                bits = Math.max(bits, NamedGroup.getCurveBits(g));
            }
        }
        return bits;
    }

    @Override
    protected int selectECDH(int minimumCurveBits) {
        for (int g : groups()) {
            if (NamedGroup.refersToAnECDHCurve(g) && NamedGroup.getCurveBits(g) >= minimumCurveBits
                    && clientOffers(g)) {
                selectedEcdhGroup = g;
                return g;
            }
        }
        return -1;
    }

    @Override
    protected boolean preferLocalCipherSuites() {
        return profile.serverOrder();
    }

    @Override
    protected Vector<ProtocolName> getProtocolNames() {
        if (!strictPath) {
            return null;
        }
        Vector<ProtocolName> names = new Vector<>();
        names.add(ProtocolName.asUtf8Encoding(TDS8_ALPN));
        return names;
    }

    @Override
    public ProtocolVersion getServerVersion() throws IOException {
        ProtocolVersion selected = super.getServerVersion();
        TlsVersion version = TlsVersion.fromWireValue(selected.getFullVersion());
        if (profile.refusesCertificateFor(version)) {
            // Schannel fails to build its credentials: the client sees the connection dropped after ClientHello.
            refusedWeakCertificate = true;
            throw new TlsFatalAlert(AlertDescription.internal_error, "Schannel will not use a "
                    + profile.certSignature().jcaName() + " certificate with TLS 1.2");
        }
        return selected;
    }

    @Override
    public TlsCredentials getCredentials() throws IOException {
        if (TlsUtils.isTLSv13(context)) {
            return getRSASignerCredentials();
        }
        return super.getCredentials();
    }

    @Override
    protected TlsCredentialedDecryptor getRSAEncryptionCredentials() throws IOException {
        return new BcDefaultTlsCredentialedDecryptor((BcTlsCrypto) getCrypto(), tlsCertificate(),
                certificate.privateKey());
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), (BcTlsCrypto) getCrypto(),
                certificate.privateKey(), tlsCertificate(), signatureAlgorithm());
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        onHandshakeComplete.run();
    }

    private Certificate tlsCertificate() throws IOException {
        TlsCertificate cert = getCrypto().createCertificate(certificate.encoded());
        if (TlsUtils.isTLSv13(context)) {
            return new Certificate(TlsUtils.EMPTY_BYTES, new CertificateEntry[] {new CertificateEntry(cert, null)});
        }
        return new Certificate(new TlsCertificate[] {cert});
    }

    /** The first RSA signature scheme the client offers (RSA-PSS only in TLS 1.3); null before TLS 1.2. */
    private SignatureAndHashAlgorithm signatureAlgorithm() throws IOException {
        if (!TlsUtils.isTLSv12(context)) {
            return null;
        }
        boolean tls13 = TlsUtils.isTLSv13(context);
        @SuppressWarnings("unchecked")
        Vector<SignatureAndHashAlgorithm> offered = context.getSecurityParametersHandshake().getClientSigAlgs();
        if (offered == null) {
            // RFC 5246 7.4.1.4.1: no extension means {sha1, rsa}.
            return SignatureAndHashAlgorithm.getInstance(org.bouncycastle.tls.HashAlgorithm.sha1,
                    SignatureAlgorithm.rsa);
        }
        for (SignatureAndHashAlgorithm a : offered) {
            short sig = a.getSignature();
            boolean pss = sig == SignatureAlgorithm.rsa_pss_rsae_sha256 || sig == SignatureAlgorithm.rsa_pss_rsae_sha384
                    || sig == SignatureAlgorithm.rsa_pss_rsae_sha512;
            if (pss || (!tls13 && sig == SignatureAlgorithm.rsa)) {
                return a;
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "client offers no RSA signature scheme");
    }
}
