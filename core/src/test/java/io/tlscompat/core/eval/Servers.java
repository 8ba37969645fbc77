package io.tlscompat.core.eval;

import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.profile.PreloginInfo;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.SqlServerVersion;
import io.tlscompat.core.tls.TlsVersion;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Server profiles for evaluator tests, built with ServerProfile.builder() like the probe builds them. */
final class Servers {
    static final List<String> WIN2019_TLS12 = Arrays.asList(
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA");
    static final List<String> TLS_RSA_ONLY = Arrays.asList("TLS_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA");
    static final List<String> LEGACY_TLS10 = Arrays.asList("TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_3DES_EDE_CBC_SHA", "TLS_RSA_WITH_RC4_128_SHA");

    private final ServerProfile.Builder builder = ServerProfile.builder().target("db.example.com:1433");
    private final Map<TlsVersion, ProtocolSupport> tds7 = new LinkedHashMap<>();
    private final Map<TlsVersion, ProtocolSupport> tds8 = new LinkedHashMap<>();
    private boolean tds7Supported = true;
    private EncryptionLevel encryption = EncryptionLevel.OFF;

    static Servers sqlServer() {
        return new Servers();
    }

    Servers accepts(TlsVersion v, List<String> suites) {
        tds7.put(v, new ProtocolSupport(suites, true));
        return this;
    }

    Servers acceptsClientOrder(TlsVersion v, List<String> suites) {
        tds7.put(v, new ProtocolSupport(suites, false));
        return this;
    }

    Servers strictOnly(TlsVersion v, List<String> suites) {
        tds7Supported = false;
        tds8.put(v, new ProtocolSupport(suites, true));
        return this;
    }

    Servers alsoStrict(TlsVersion v, List<String> suites) {
        tds8.put(v, new ProtocolSupport(suites, true));
        return this;
    }

    Servers encryption(EncryptionLevel level) {
        this.encryption = level;
        return this;
    }

    Servers dheBits(int bits) {
        builder.dheGroupBits(bits);
        return this;
    }

    /** The chain as the probe records it: leaf first, each with its DER; the leaf also as the certificate. */
    Servers chain(java.security.cert.X509Certificate... chain) throws Exception {
        List<CertificateInfo> infos = new java.util.ArrayList<>();
        for (java.security.cert.X509Certificate c : chain) {
            infos.add(io.tlscompat.core.cert.CertificateParser.parse(c.getEncoded())
                    .withDer(java.util.Base64.getEncoder().encodeToString(c.getEncoded())));
        }
        builder.certificate(infos.get(0).withoutDer()).certificateChain(infos);
        return this;
    }

    Servers certificate(CertificateInfo cert) {
        builder.certificate(cert);
        return this;
    }

    ServerProfile build() {
        builder.prelogin(tds7Supported ? new PreloginInfo(SqlServerVersion.parse("15.0.2000"), encryption, null) : null);
        builder.tds7(tds7Supported ? new PathProfile(true, tds7, null) : PathProfile.unsupported());
        builder.tds8(tds8.isEmpty() ? PathProfile.unsupported() : new PathProfile(true, tds8, "tds/8.0"));
        return builder.build();
    }

    static CertificateInfo selfSigned(String cn, String sigAlg) {
        return new CertificateInfo("CN=" + cn, "CN=" + cn, Collections.<String>emptyList(), sigAlg, "RSA", 2048,
                "2025-01-01T00:00:00Z", "2035-01-01T00:00:00Z", true, "00");
    }

    static CertificateInfo caIssued(String sigAlg, String notAfter, String... sans) {
        return new CertificateInfo("CN=" + (sans.length > 0 ? sans[0] : "db"), "CN=Example Issuing CA",
                Arrays.asList(sans), sigAlg, "RSA", 2048, "2025-01-01T00:00:00Z", notAfter, false, "00");
    }
}
