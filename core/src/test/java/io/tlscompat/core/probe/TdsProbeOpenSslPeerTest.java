package io.tlscompat.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.SqlServerVersion;
import io.tlscompat.core.tls.TlsVersion;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against OpenSSL 3's s_server, an implementation independent of the JDK and of Bouncy Castle: an
 * MD5-signed certificate, legacy versions at SECLEVEL=0, server order, a 1024-bit DHE group; raw (TDS 8) and
 * behind the TDS front door (TDS 7.x).
 */
class TdsProbeOpenSslPeerTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        Assumptions.assumeTrue(OpenSslServer.available(), "openssl is not on the PATH");
        OpenSslServer.run(dir, "req", "-x509", "-newkey", "rsa:2048", "-md5", "-nodes", "-keyout", "md5.key",
                "-out", "md5.pem", "-days", "365", "-subj", "/CN=legacy.test");
        // Not -dsaparam: s_server silently ignores X9.42 parameters and falls back to its automatic 2048-bit group.
        OpenSslServer.run(dir, "dhparam", "-out", "dh1024.pem", "1024");
    }

    private static ProbeSettings settings(boolean tds7, boolean tds8) {
        return ProbeSettings.builder().tds7(tds7).tds8(tds8).deadlineMillis(15000).build();
    }

    @Test
    void legacyServerWithMd5CertificateAndServerOrder() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, "-cert", "md5.pem", "-key", "md5.key", "-cipher",
                "AES128-SHA:ECDHE-RSA-AES256-SHA:@SECLEVEL=0", "-serverpref", "-no_tls1_3")) {
            ServerProfile p = new TdsProbe(settings(true, true)).probe("127.0.0.1", server.port());

            assertThat(p.tds7().supported()).isFalse();
            assertThat(p.prelogin()).isNull();
            assertThat(p.tds8().protocols().keySet())
                    .containsExactly(TlsVersion.TLSv1, TlsVersion.TLSv1_1, TlsVersion.TLSv1_2);
            for (ProtocolSupport s : p.tds8().protocols().values()) {
                assertThat(s.cipherSuites()).containsExactly("TLS_RSA_WITH_AES_128_CBC_SHA",
                        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
                assertThat(s.serverOrder()).isTrue();
            }
            assertThat(p.certificate().signatureAlgorithm()).isEqualTo("MD5withRSA");
            assertThat(p.certificate().subject()).isEqualTo("CN=legacy.test");
            assertThat(p.tds8().alpn()).isNull();
            assertThat(p.ecdheGroups()).contains("x25519", "secp256r1");
        }
    }

    @Test
    void tds7PathThroughFrontDoorSeesDheGroupSizeAndClientOrder() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, "-cert", "md5.pem", "-key", "md5.key", "-cipher",
                "DHE-RSA-AES128-SHA:DHE-RSA-AES256-GCM-SHA384:@SECLEVEL=0", "-dhparam", "dh1024.pem", "-no_tls1_3");
                TdsFrontDoor door = new TdsFrontDoor(server.port(), SqlServerVersion.parse("11.0.7001"),
                        EncryptionLevel.OFF)) {
            ServerProfile p = new TdsProbe(settings(true, false)).probe("127.0.0.1", door.port());

            assertThat(p.prelogin().product()).isEqualTo("SQL Server 2012");
            assertThat(p.prelogin().encryption()).isEqualTo(EncryptionLevel.OFF);
            ProtocolSupport tls12 = p.tds7().protocols().get(TlsVersion.TLSv1_2);
            assertThat(tls12.cipherSuites()).containsExactlyInAnyOrder("TLS_DHE_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(tls12.serverOrder()).isFalse();
            assertThat(p.tds7().protocols().get(TlsVersion.TLSv1).cipherSuites())
                    .containsExactly("TLS_DHE_RSA_WITH_AES_128_CBC_SHA");
            assertThat(p.dheGroupBits()).isEqualTo(1024);
            assertThat(p.ecdheGroups()).isEmpty();
            assertThat(p.certificate().signatureAlgorithm()).isEqualTo("MD5withRSA");
        }
    }

    @Test
    void tls13OnlyOpenSslOverTds8() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, "-cert", "md5.pem", "-key", "md5.key", "-tls1_3",
                "-ciphersuites", "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256", "-groups", "P-384:X25519",
                "-cipher", "ALL:@SECLEVEL=0")) {
            ServerProfile p = new TdsProbe(settings(false, true)).probe("127.0.0.1", server.port());

            assertThat(p.tds8().protocols().keySet()).containsExactly(TlsVersion.TLSv1_3);
            assertThat(p.tds8().protocols().get(TlsVersion.TLSv1_3).cipherSuites())
                    .containsExactlyInAnyOrder("TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
            assertThat(p.ecdheGroups()).containsExactlyInAnyOrder("secp384r1", "x25519");
            assertThat(p.certificate()).as("certificate from the one BC TLS 1.3 handshake").isNotNull();
            assertThat(p.certificate().subject()).isEqualTo("CN=legacy.test");
            assertThat(p.rejection()).startsWith("alert:");
        }
    }
}
