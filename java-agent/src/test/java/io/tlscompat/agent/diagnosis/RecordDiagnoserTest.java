package io.tlscompat.agent.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.record.Diagnosis;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.agent.record.Phase;
import io.tlscompat.agent.record.Records;
import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.finding.FindingCode;
import java.net.SocketException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RecordDiagnoserTest {
    private final RecordDiagnoser diagnoser = new RecordDiagnoser(new HandshakeJudge(JdkPolicies.running()), true);

    @Test
    void jdkRefusingTheServersOldVersionIsAProtocolMismatch() {
        Diagnosis d = diagnoser.diagnose(Records.failed("db1", 1433, Outcome.CLIENT_REJECTED,
                Phase.SERVER_HELLO_RECEIVED, null, new SSLHandshakeException("The server selected protocol version"
                        + " TLS10 is not accepted by client preferences [TLS13, TLS12]"), "TLSv1.3", "TLSv1.2"));
        assertThat(d.code()).isEqualTo(FindingCode.PROTOCOL_MISMATCH);
        assertThat(d.message()).contains("TLSv1.3, TLSv1.2").contains("server chose tls10");
        assertThat(d.remediation()).isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, "TLSv1"));
        assertThat(d.source()).isEqualTo("record");
    }

    @Test
    void pkixIsUntrustedAndAlgorithmConstraintsWithMd5IsWeakSignature() {
        Diagnosis untrusted = diagnoser.diagnose(Records.failed("db1", 1433, Outcome.CLIENT_REJECTED,
                Phase.CERTIFICATE_RECEIVED, null, new SSLHandshakeException("PKIX path building failed: unable to"
                        + " find valid certification path to requested target"), "TLSv1.2"));
        assertThat(untrusted.code()).isEqualTo(FindingCode.CERTIFICATE_UNTRUSTED);
        assertThat(untrusted.remediation()).isEqualTo(FindingTexts.FIX_UNTRUSTED);
        Diagnosis weak = diagnoser.diagnose(Records.failed("db1", 1433, Outcome.CLIENT_REJECTED,
                Phase.CERTIFICATE_RECEIVED, null, new SSLHandshakeException("Certificates do not conform to"
                        + " algorithm constraints: Algorithm constraints check failed on signature algorithm:"
                        + " MD5withRSA"), "TLSv1.2"));
        assertThat(weak.code()).isEqualTo(FindingCode.WEAK_CERTIFICATE_SIGNATURE);
        assertThat(weak.remediation()).isEqualTo(FindingTexts.FIX_WEAK_SIGNATURE);
    }

    @Test
    void aDhGroupBelowThisJvmsMinimumIsDhGroupTooSmall() {
        // JSSE (8u261+, 11+) sends insufficient_security with these words; the alert name is not a cipher mismatch here.
        Diagnosis d = diagnoser.diagnose(Records.failed("db1", 1433, Outcome.CLIENT_REJECTED,
                Phase.SERVER_HELLO_RECEIVED, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", new SSLHandshakeException(
                        "DH ServerKeyExchange does not comply to algorithm constraints"), "TLSv1.2"));
        assertThat(d.code()).isEqualTo(FindingCode.DH_GROUP_TOO_SMALL);
        assertThat(d.message()).isEqualTo("the DHE group of db1:1433 is smaller than this JVM accepts ("
                + RecordDiagnoser.dhMinimum() + ")");
        assertThat(RecordDiagnoser.dhMinimum()).isEqualTo("jdk.tls.disabledAlgorithms: DH keySize < 1024");
        assertThat(d.remediation()).isEqualTo(FindingTexts.FIX_DH_TOO_SMALL);
    }

    @Test
    void hostnameAndCipherFixesAreTheGatesFormattedWithWhatTheHandshakeShows() {
        Diagnosis host = diagnoser.diagnose(Records.failed("db1", 1433, Outcome.CLIENT_REJECTED,
                Phase.CERTIFICATE_RECEIVED, null, new SSLHandshakeException("No subject alternative DNS name"
                        + " matching db1 found."), "TLSv1.2"));
        assertThat(host.code()).isEqualTo(FindingCode.CERTIFICATE_HOSTNAME_MISMATCH);
        assertThat(host.remediation()).isEqualTo(String.format(FindingTexts.FIX_HOSTNAME_MISMATCH, "db1"));
        Diagnosis cipher = diagnoser.diagnose(Records.failed("db1", 1433, Outcome.ALERT,
                Phase.CLIENT_HELLO_SENT, null, new SSLHandshakeException("Received fatal alert:"
                        + " insufficient_security"), "TLSv1.2"));
        assertThat(cipher.code()).isEqualTo(FindingCode.CIPHER_MISMATCH);
        // The example is the ECDHE_RSA suite this JVM offered (the record's offered suites).
        assertThat(cipher.remediation()).isEqualTo(String.format(FindingTexts.FIX_CIPHER_GENERIC,
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"));
    }

    @Test
    void earlyResetIsOnlyAGuessAndOnlyWhenTheJdkDisablesLegacyTls() {
        assertThat(diagnoser.diagnose(Records.failed("db1", 1433, Outcome.RESET, Phase.CLIENT_HELLO_SENT, null,
                new SocketException("Connection reset"), "TLSv1.3", "TLSv1.2"))).isNull();
        Diagnosis guess = diagnoser.guessBeforeServerHello(Records.failed("db1", 1433, Outcome.RESET,
                Phase.CLIENT_HELLO_SENT, null, new SocketException("Connection reset"), "TLSv1.3", "TLSv1.2"));
        assertThat(guess.code()).isEqualTo(FindingCode.PROTOCOL_MISMATCH);
        assertThat(guess.message()).contains("run 'probe' to be sure");
        assertThat(guess.remediation()).isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD,
                "TLSv1, TLSv1.1"));
        assertThat(new RecordDiagnoser(new HandshakeJudge(JdkPolicies.running()), false).guessBeforeServerHello(Records.failed("db1", 1433, Outcome.RESET,
                Phase.CLIENT_HELLO_SENT, null, new SocketException("Connection reset"), "TLSv1.2"))).isNull();
        assertThat(diagnoser.guessBeforeServerHello(Records.failed("db1", 1433, Outcome.RESET,
                Phase.CLIENT_HELLO_SENT, null, new SocketException("Connection reset"), "TLSv1.2", "TLSv1")))
                .as("a JVM that still offers TLS 1.0 is not refused for its version").isNull();
    }

    @Test
    void legacyProtocolOnSuccessAndTls13InsideTds7() {
        Diagnosis legacy = diagnoser.diagnose(Records.ok("db1", 1433, "TLSv1", "TLS_RSA_WITH_AES_128_CBC_SHA"));
        assertThat(legacy.code()).isEqualTo(FindingCode.LEGACY_PROTOCOL);
        assertThat(legacy.remediation()).isEqualTo(FindingTexts.FIX_LEGACY_PROTOCOL);
        assertThat(diagnoser.diagnose(Records.ok("db1", 1433, "TLSv1.2", "TLS_AES_128_GCM_SHA256"))).isNull();
    }
}
