package io.tlscompat.agent.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.record.Diagnosis;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.agent.record.Phase;
import io.tlscompat.agent.record.Records;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tls.TlsVersion;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileComparerTest {
    private static final HandshakeRecord EARLY_RESET = Records.failed("db1", 1433, Outcome.RESET,
            Phase.CLIENT_HELLO_SENT, null, new SocketException("Connection reset"), "TLSv1.3", "TLSv1.2");

    private static ServerProfile profile(Map<TlsVersion, ProtocolSupport> accepted, String signature) {
        return ServerProfile.builder().target("db1:1433")
                .tds7(new PathProfile(true, accepted, null))
                .tds8(PathProfile.unsupported())
                .certificate(new CertificateInfo("CN=db1", "CN=db1", Collections.<String>emptyList(), signature,
                        "RSA", 2048, "2024-01-01T00:00:00Z", "2034-01-01T00:00:00Z", true, "00"))
                .build();
    }

    @Test
    void serverWithTls10OnlyIsAProtocolMismatch() {
        Map<TlsVersion, ProtocolSupport> accepted = new EnumMap<>(TlsVersion.class);
        accepted.put(TlsVersion.TLSv1, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_128_CBC_SHA"), true));
        Diagnosis d = ProfileComparer.compare(EARLY_RESET, profile(accepted, "SHA256withRSA"));
        assertThat(d.code()).isEqualTo(FindingCode.PROTOCOL_MISMATCH);
        assertThat(d.explanation()).isEqualTo("server accepts TLSv1 only; this JVM offers TLSv1.3, TLSv1.2");
        assertThat(d.source()).isEqualTo("probe");
    }

    @Test
    void commonVersionWithoutCommonSuiteIsACipherMismatch() {
        Map<TlsVersion, ProtocolSupport> accepted = new EnumMap<>(TlsVersion.class);
        accepted.put(TlsVersion.TLSv1_2, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_256_CBC_SHA"), true));
        Diagnosis d = ProfileComparer.compare(EARLY_RESET, profile(accepted, "SHA256withRSA"));
        assertThat(d.code()).isEqualTo(FindingCode.CIPHER_MISMATCH);
        assertThat(d.explanation()).contains("TLS_RSA_WITH_AES_256_CBC_SHA").contains("offers none of them");
    }

    @Test
    void everythingInCommonButAnMd5CertificateIsAWeakSignature() {
        Map<TlsVersion, ProtocolSupport> accepted = new EnumMap<>(TlsVersion.class);
        accepted.put(TlsVersion.TLSv1_2, new ProtocolSupport(
                Arrays.asList("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), true));
        assertThat(ProfileComparer.compare(EARLY_RESET, profile(accepted, "MD5withRSA")).code())
                .isEqualTo(FindingCode.WEAK_CERTIFICATE_SIGNATURE);
        // Schannel drops TLS 1.2 with an MD5 certificate, so a probe sees only TLS 1.0: the certificate is the cause.
        Map<TlsVersion, ProtocolSupport> tls10 = new EnumMap<>(TlsVersion.class);
        tls10.put(TlsVersion.TLSv1, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_128_CBC_SHA"), true));
        assertThat(ProfileComparer.compare(EARLY_RESET, profile(tls10, "MD5withRSA")).code())
                .isEqualTo(FindingCode.WEAK_CERTIFICATE_SIGNATURE);
        assertThat(ProfileComparer.compare(EARLY_RESET, profile(accepted, "SHA256withRSA"))).isNull();
    }
}
