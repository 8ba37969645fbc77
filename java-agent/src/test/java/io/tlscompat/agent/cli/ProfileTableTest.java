package io.tlscompat.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.profile.PreloginInfo;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.SqlServerVersion;
import io.tlscompat.core.tls.TlsVersion;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ProfileTableTest {
    @Test
    void rendersEveryPartOfTheProfile() {
        Map<TlsVersion, ProtocolSupport> tds7 = new EnumMap<>(TlsVersion.class);
        tds7.put(TlsVersion.TLSv1, new ProtocolSupport(List.of("TLS_RSA_WITH_AES_128_CBC_SHA"), false));
        tds7.put(TlsVersion.TLSv1_2, new ProtocolSupport(List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "TLS_RSA_WITH_AES_256_GCM_SHA384"), true));
        ServerProfile p = ServerProfile.builder().target("db1:1433").connections(37).elapsedMillis(412)
                .prelogin(new PreloginInfo(SqlServerVersion.parse("13.0.5026"), EncryptionLevel.OFF, "SQLEXPRESS"))
                .tds7(new PathProfile(true, tds7, null))
                .tds8(PathProfile.unsupported())
                .certificate(new CertificateInfo("CN=db1", "CN=db1", List.of("db1", "10.0.0.5"), "SHA1withRSA", "RSA",
                        1024, "2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z", true, "ab"))
                .dheGroupBits(1024).ecdheGroups(List.of("secp256r1", "secp384r1")).rejection("reset").build();

        String table = ProfileTable.render(p);

        assertThat(table).isEqualTo(String.join("\n",
                "target       db1:1433",
                "prelogin     13.0.5026 (SQL Server 2016), encryption OFF, instance SQLEXPRESS",
                "TDS 7.x      supported",
                "  TLSv1      1 suites, client order",
                "             TLS_RSA_WITH_AES_128_CBC_SHA",
                "  TLSv1.2    2 suites, server order",
                "             TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                "             TLS_RSA_WITH_AES_256_GCM_SHA384",
                "TDS 8        not supported",
                "certificate  CN=db1 (self-signed)",
                "  SANs       db1, 10.0.0.5",
                "  issuer     CN=db1",
                "  signature  SHA1withRSA",
                "  key        RSA 1024 bits",
                "  valid      2020-01-01T00:00:00Z to 2030-01-01T00:00:00Z",
                "dhe          1024-bit group",
                "ecdhe groups secp256r1, secp384r1",
                "rejection    reset",
                "connections  37",
                "elapsed      412 ms",
                ""));
    }
}
