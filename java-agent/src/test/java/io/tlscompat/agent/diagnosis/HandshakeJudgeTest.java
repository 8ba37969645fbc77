package io.tlscompat.agent.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.record.Diagnosis;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.JdbcContext;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.agent.record.Phase;
import io.tlscompat.agent.record.Records;
import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.eval.EarlyDropCause;
import io.tlscompat.core.eval.FindingTexts;
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

/** The agent's diagnosis of an early drop is the gate's evaluation of what this JVM offered against the probe. */
class HandshakeJudgeTest {
    private static final HandshakeJudge JUDGE = new HandshakeJudge(JdkPolicies.running());

    private static final HandshakeRecord EARLY_RESET = Records.failed("db1", 1433, Outcome.RESET,
            Phase.CLIENT_HELLO_SENT, null, new SocketException("Connection reset"), "TLSv1.3", "TLSv1.2");

    private static ServerProfile profile(Map<TlsVersion, ProtocolSupport> accepted, String signature) {
        return profile(accepted, signature, "CN=db1");
    }

    private static ServerProfile profile(Map<TlsVersion, ProtocolSupport> accepted, String signature,
            String issuer) {
        return ServerProfile.builder().target("db1:1433")
                .tds7(new PathProfile(true, accepted, null))
                .tds8(PathProfile.unsupported())
                .certificate(new CertificateInfo("CN=db1", issuer, Collections.<String>emptyList(), signature,
                        "RSA", 2048, "2024-01-01T00:00:00Z", "2034-01-01T00:00:00Z", issuer.equals("CN=db1"), "00"))
                .build();
    }

    /** A PRELOGIN the server dropped, as the tracker records it. */
    private static HandshakeRecord prelogin(JdbcContext jdbc) {
        return new HandshakeRecord(System.currentTimeMillis(), "main", "db1", 1433, Outcome.RESET, null, null, null,
                null, null, null, 0, new SocketException("Connection reset"), jdbc, true);
    }

    @Test
    void serverWithTls10OnlyIsAProtocolMismatch() {
        Map<TlsVersion, ProtocolSupport> accepted = new EnumMap<>(TlsVersion.class);
        accepted.put(TlsVersion.TLSv1, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_128_CBC_SHA"), true));
        Diagnosis d = JUDGE.judge(EARLY_RESET, profile(accepted, "SHA256withRSA"));
        assertThat(d.code()).isEqualTo(FindingCode.PROTOCOL_MISMATCH);
        assertThat(d.message()).isEqualTo(String.format(FindingTexts.PROTOCOL_MISMATCH, "TDS 7.x",
                "TLSv1.3, TLSv1.2", "TLSv1"));
        assertThat(d.source()).isEqualTo("probe");
        assertThat(d.remediation()).isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, "TLSv1"));
    }

    @Test
    void commonVersionWithoutCommonSuiteIsACipherMismatch() {
        Map<TlsVersion, ProtocolSupport> accepted = new EnumMap<>(TlsVersion.class);
        accepted.put(TlsVersion.TLSv1_2, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_256_CBC_SHA"), true));
        Diagnosis d = JUDGE.judge(EARLY_RESET, profile(accepted, "SHA256withRSA"));
        assertThat(d.code()).isEqualTo(FindingCode.CIPHER_MISMATCH);
        assertThat(d.message()).isEqualTo(String.format(FindingTexts.CIPHER_MISMATCH, "TLSv1.2",
                "TLS_RSA_WITH_AES_256_CBC_SHA", 2)); // the two offered suites TLS 1.2 can use
        assertThat(d.remediation()).isEqualTo(FindingTexts.FIX_CIPHER_TLS_RSA);
    }

    @Test
    void aCaIssuedMd5CertificateKeepingSchannelOffTls12IsAWeakSignatureLikeTheGateSays() {
        // Schannel drops TLS 1.2 with a CA-issued MD5 certificate, so a probe sees only TLS 1.0 and 1.1.
        Map<TlsVersion, ProtocolSupport> legacy = new EnumMap<>(TlsVersion.class);
        legacy.put(TlsVersion.TLSv1, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_128_CBC_SHA"), true));
        legacy.put(TlsVersion.TLSv1_1, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_128_CBC_SHA"), true));
        Diagnosis md5 = JUDGE.judge(EARLY_RESET, profile(legacy, "MD5withRSA", "CN=Corp Issuing CA"));
        assertThat(md5.code()).isEqualTo(FindingCode.WEAK_CERTIFICATE_SIGNATURE);
        assertThat(md5.message()).isEqualTo(String.format(FindingTexts.WEAK_SIGNATURE_BLOCKS_TLS12, "MD5withRSA",
                "TLSv1.1, TLSv1", "TLSv1.3, TLSv1.2"));
        assertThat(md5.remediation()).isEqualTo(FindingTexts.FIX_WEAK_SIGNATURE);
        // Self-signed certificates are spared by Schannel: then the version list is the cause.
        assertThat(JUDGE.judge(EARLY_RESET, profile(legacy, "MD5withRSA")).code())
                .isEqualTo(FindingCode.PROTOCOL_MISMATCH);
    }

    @Test
    void anMd5CertificateThisJdkRefusesExplainsAnEarlyDropFromAModernServer() {
        // OpenSSL refuses to serve a certificate whose signature is not in the ClientHello's
        // signature_algorithms_cert, and this JDK's certpath constraints leave MD5 out: the gate's finding.
        Map<TlsVersion, ProtocolSupport> modern = new EnumMap<>(TlsVersion.class);
        modern.put(TlsVersion.TLSv1_2, new ProtocolSupport(
                Arrays.asList("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), true));
        Diagnosis d = JUDGE.judge(EARLY_RESET, profile(modern, "MD5withRSA", "CN=Corp Issuing CA"));
        assertThat(d.code()).isEqualTo(FindingCode.WEAK_CERTIFICATE_SIGNATURE);
        assertThat(d.message()).isEqualTo(String.format(FindingTexts.WEAK_SIGNATURE_JAVA, "MD5withRSA"));
        assertThat(d.remediation()).isEqualTo(FindingTexts.FIX_WEAK_SIGNATURE);
    }

    @Test
    void aServerTheModelSaysWorksIsReportedAsADisagreementNotAGuess() {
        Map<TlsVersion, ProtocolSupport> modern = new EnumMap<>(TlsVersion.class);
        modern.put(TlsVersion.TLSv1_2, new ProtocolSupport(
                Arrays.asList("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), true));
        Diagnosis d = JUDGE.judge(EARLY_RESET, profile(modern, "SHA256withRSA"));
        assertThat(d.code()).isEqualTo(FindingCode.HANDSHAKE_FAILED);
        assertThat(d.message()).isEqualTo(String.format(EarlyDropCause.MODEL_DISAGREES, "db1:1433",
                "reset after client-hello-sent", EarlyDropCause.PREDICTS_SUCCESS));
        assertThat(d.remediation()).isEqualTo(EarlyDropCause.FIX_MODEL_DISAGREES);
    }

    @Test
    void aClientSideCauseTheModelNamesCannotExplainAnEarlyDrop() {
        // A self-signed certificate fails on the validating client after the Certificate message, not with a reset
        // after ClientHello.
        Map<TlsVersion, ProtocolSupport> modern = new EnumMap<>(TlsVersion.class);
        modern.put(TlsVersion.TLSv1_2, new ProtocolSupport(
                Arrays.asList("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), true));
        HandshakeRecord validating = new HandshakeRecord(System.currentTimeMillis(), "main", "db1", 1433,
                Outcome.RESET, Phase.CLIENT_HELLO_SENT, null, null, new String[] {"TLSv1.3", "TLSv1.2"},
                EARLY_RESET.offeredCipherSuites().toArray(new String[0]), null, 0, new SocketException("Connection reset"),
                new JdbcContext("mssql-jdbc", "13.2.1.jre11", null, "true", "false", false, null), false);
        Diagnosis d = JUDGE.judge(validating, profile(modern, "SHA256withRSA"));
        assertThat(d.code()).isEqualTo(FindingCode.HANDSHAKE_FAILED);
        assertThat(d.message()).endsWith("predicts certificate-untrusted");
    }

    @Test
    void serverNewerThanThisJvmIsTheClientsFix() {
        HandshakeRecord tls10Client = Records.failed("db1", 1433, Outcome.RESET, Phase.CLIENT_HELLO_SENT, null,
                new SocketException("Connection reset"), "TLSv1");
        Map<TlsVersion, ProtocolSupport> accepted = new EnumMap<>(TlsVersion.class);
        accepted.put(TlsVersion.TLSv1_2, new ProtocolSupport(
                Arrays.asList("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), true));
        Diagnosis d = JUDGE.judge(tls10Client, profile(accepted, "SHA256withRSA"));
        assertThat(d.code()).isEqualTo(FindingCode.PROTOCOL_MISMATCH);
        assertThat(d.remediation()).isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_CLIENT_OLD, "TLSv1"));
    }

    @Test
    void jvmRestrictedToTls13AgainstATls12ServerIsTheClientsFix() {
        HandshakeRecord tls13Only = Records.failed("db1", 1433, Outcome.RESET, Phase.CLIENT_HELLO_SENT, null,
                new SocketException("Connection reset"), "TLSv1.3");
        Map<TlsVersion, ProtocolSupport> accepted = new EnumMap<>(TlsVersion.class);
        accepted.put(TlsVersion.TLSv1, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_128_CBC_SHA"), true));
        accepted.put(TlsVersion.TLSv1_2, new ProtocolSupport(
                Arrays.asList("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), true));
        assertThat(JUDGE.judge(tls13Only, profile(accepted, "SHA256withRSA")).remediation())
                .isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_CLIENT_OLD, "TLSv1.3"));
        // Without TLS 1.2 on the server, the server is the old side; its versions are named best first.
        accepted.remove(TlsVersion.TLSv1_2);
        accepted.put(TlsVersion.TLSv1_1, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_128_CBC_SHA"), true));
        assertThat(JUDGE.judge(tls13Only, profile(accepted, "SHA256withRSA")).remediation())
                .isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, "TLSv1.1, TLSv1"));
    }

    @Test
    void strictOnlyServerFixDependsOnTheDriverVersion() {
        ServerProfile strictOnly = ServerProfile.builder().target("db1:1433").tds7(PathProfile.unsupported())
                .tds8(new PathProfile(true, new EnumMap<TlsVersion, ProtocolSupport>(TlsVersion.class), null))
                .build();
        HandshakeRecord current = prelogin(new JdbcContext("mssql-jdbc", "13.2.1.jre11", null, "true", "true", false,
                null));
        HandshakeRecord old = prelogin(new JdbcContext("mssql-jdbc", "9.4.1.jre8", null, "true", "true", false, null));
        assertThat(JUDGE.judge(current, strictOnly).code())
                .isEqualTo(FindingCode.STRICT_ENCRYPTION_REQUIRED);
        assertThat(JUDGE.judge(current, strictOnly).remediation()).isEqualTo(FindingTexts.FIX_STRICT_CAPABLE);
        assertThat(JUDGE.judge(old, strictOnly).remediation()).isEqualTo(FindingTexts.FIX_STRICT_UPGRADE);
    }

    @Test
    void aStormOfIdenticalResetsIsEvaluatedOnceAndANewProbeIsEvaluatedAgain() {
        HandshakeJudge judge = new HandshakeJudge(JdkPolicies.running());
        Map<TlsVersion, ProtocolSupport> legacy = new EnumMap<>(TlsVersion.class);
        legacy.put(TlsVersion.TLSv1, new ProtocolSupport(Arrays.asList("TLS_RSA_WITH_AES_128_CBC_SHA"), true));
        ServerProfile first = profile(legacy, "SHA256withRSA");
        Diagnosis once = judge.judge(EARLY_RESET, first);
        assertThat(judge.judge(Records.failed("db1", 1433, Outcome.RESET, Phase.CLIENT_HELLO_SENT, null,
                new SocketException("Connection reset"), "TLSv1.3", "TLSv1.2"), first)).isSameAs(once);
        Map<TlsVersion, ProtocolSupport> modern = new EnumMap<>(TlsVersion.class);
        modern.put(TlsVersion.TLSv1_2, new ProtocolSupport(
                Arrays.asList("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), true));
        assertThat(judge.judge(EARLY_RESET, profile(modern, "SHA256withRSA")).code())
                .as("a newer probe of the server is judged afresh").isEqualTo(FindingCode.HANDSHAKE_FAILED);
    }
}
