package io.tlscompat.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.client.CertificateValidation;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Evaluator;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tls.TlsVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The observation decides: a rehearsal's record against the gate's own evaluation of the same target. */
class ObservedVerdictTest {
    private static final String ECDHE = "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256";

    private static ServerProfile tls12Server(boolean selfSigned) {
        Map<TlsVersion, ProtocolSupport> accepted = new EnumMap<>(TlsVersion.class);
        accepted.put(TlsVersion.TLSv1_2, new ProtocolSupport(Collections.singletonList(ECDHE), true));
        String issuer = selfSigned ? "CN=db1" : "CN=Corp CA";
        return ServerProfile.builder().target("db1:1433").tds7(new PathProfile(true, accepted, null))
                .tds8(PathProfile.unsupported())
                .certificate(new CertificateInfo("CN=db1", issuer, Collections.singletonList("db1"),
                        "SHA256withRSA", "RSA", 2048, "2024-01-01T00:00:00Z", "2034-01-01T00:00:00Z", selfSigned,
                        "00"))
                .build();
    }

    private static ClientProfile client(String... protocols) {
        return ClientProfile.builder("mssql-jdbc 13.2.1 on Java 17", ClientProfile.Kind.JAVA)
                .protocols(Arrays.asList(protocols)).suites(Arrays.asList("TLS_AES_128_GCM_SHA256", ECDHE))
                .requestsEncryption(true).validation(CertificateValidation.ALWAYS).hostnameToCheck("db1").build();
    }

    private static Map<String, Object> rehearsal(String outcome, String phase, String... offered) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("outcome", outcome);
        record.put("phase", phase);
        record.put("stage", "tls-handshake");
        record.put("offeredProtocols", new ArrayList<>(Arrays.asList(offered)));
        record.put("offeredCipherSuites", new ArrayList<>(Arrays.asList("TLS_AES_128_GCM_SHA256", ECDHE)));
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("message", "Connection reset");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("predicted", "p");
        m.put("observed", "o");
        m.put("agentRecord", record);
        m.put("driver", driver);
        return m;
    }

    private static List<String> errors(Evaluation e) {
        List<String> out = new ArrayList<>();
        for (Finding f : e.findings()) {
            if (f.severity() == Severity.ERROR) {
                out.add(f.code().code());
            }
        }
        return out;
    }

    private static List<String> warnings(Evaluation e) {
        List<String> out = new ArrayList<>();
        for (Finding f : e.findings()) {
            if (f.severity() == Severity.WARNING) {
                out.add(f.code().code());
            }
        }
        return out;
    }

    @Test
    void aResetAfterClientHelloIsJudgedOnTheOfferTheDriverReallySent() {
        // The model expected TLS 1.3 and 1.2 (and so a certificate-untrusted failure on the self-signed
        // certificate); the real JVM offered TLS 1.3 only, and the TLS 1.2 server dropped it.
        Evaluation predicted = new Evaluator(Instant.now(), false).evaluate("db1:1433", client("TLSv1.3", "TLSv1.2"),
                tls12Server(true));
        assertThat(errors(predicted)).containsExactly("certificate-untrusted");
        Evaluation merged = ObservedVerdict.merge(predicted, rehearsal("reset", "client-hello-sent", "TLSv1.3"));
        assertThat(errors(merged)).containsExactly("protocol-mismatch");
        assertThat(warnings(merged)).contains("certificate-untrusted", "prediction-mismatch");
        Finding observed = merged.findings().stream().filter(f -> f.severity() == Severity.ERROR).findFirst().get();
        assertThat(observed.message()).startsWith("the rehearsal's handshake with the project's own driver failed:"
                + " reset at client-hello-sent, " + String.format(FindingTexts.PROTOCOL_MISMATCH, "TDS 7.x",
                "TLSv1.3", "TLSv1.2")).endsWith("the driver said: Connection reset");
        assertThat(observed.remediation()).isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_CLIENT_OLD, "TLSv1.3"));
    }

    @Test
    void theSameCauseObservedKeepsThePredictionsFindingAndNoMismatch() {
        Evaluation predicted = new Evaluator(Instant.now(), false).evaluate("db1:1433", client("TLSv1.3"),
                tls12Server(false));
        assertThat(errors(predicted)).containsExactly("protocol-mismatch");
        Evaluation merged = ObservedVerdict.merge(predicted, rehearsal("reset", "client-hello-sent", "TLSv1.3"));
        assertThat(merged.findings()).containsExactlyElementsOf(predicted.findings());
    }

    @Test
    void aDropTheModelCannotExplainIsHandshakeFailedAndAMismatch() {
        Evaluation predicted = new Evaluator(Instant.now(), false).evaluate("db1:1433", client("TLSv1.3", "TLSv1.2"),
                tls12Server(false));
        assertThat(errors(predicted)).isEmpty();
        Evaluation merged = ObservedVerdict.merge(predicted, rehearsal("reset", "client-hello-sent", "TLSv1.3",
                "TLSv1.2"));
        assertThat(errors(merged)).containsExactly(FindingCode.HANDSHAKE_FAILED.code());
        assertThat(warnings(merged)).containsExactly("prediction-mismatch");
    }

    @Test
    void aCompletedHandshakeDowngradesThePredictedErrors() {
        Evaluation predicted = new Evaluator(Instant.now(), false).evaluate("db1:1433", client("TLSv1.3"),
                tls12Server(false));
        Evaluation merged = ObservedVerdict.merge(predicted, rehearsal("ok", "finished", "TLSv1.3", "TLSv1.2"));
        assertThat(errors(merged)).isEmpty();
        assertThat(warnings(merged)).containsExactly("protocol-mismatch", "prediction-mismatch");
    }

    @Test
    void aLaterFailureTheAgentCouldNotNameKeepsThePredictedCause() {
        Evaluation predicted = new Evaluator(Instant.now(), false).evaluate("db1:1433", client("TLSv1.3", "TLSv1.2"),
                tls12Server(true));
        Evaluation merged = ObservedVerdict.merge(predicted, rehearsal("error", "certificate-received", "TLSv1.3",
                "TLSv1.2"));
        assertThat(merged.findings()).containsExactlyElementsOf(predicted.findings());
    }
}
