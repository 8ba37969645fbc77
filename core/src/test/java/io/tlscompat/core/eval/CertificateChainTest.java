package io.tlscompat.core.eval;

import static io.tlscompat.core.eval.Clients.mssqlJdbc;
import static io.tlscompat.core.eval.Servers.sqlServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.cert.TestCertificates;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.TrustStoreSelection;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.json.Json;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tls.TlsVersion;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain a server sent, judged as mssql-jdbc judges it: PKIX against the trust store it really uses, its
 * version's host-name rules, and the expiry warning. Certificates come from a private CA made here.
 */
class CertificateChainTest {
    private static final String HOST = "db.tls-compat.test";
    private static final String URL = "jdbc:sqlserver://" + HOST + ":1433;databaseName=app";
    private static final String IP_URL = "jdbc:sqlserver://127.0.0.1:1433;databaseName=app";
    private static final String SECRET = "s3cret-Trust-Pw";

    private static TestCertificates.Issued ca;
    private static TestCertificates.Issued otherCa;
    private static TestCertificates.Issued leaf;
    private static TestCertificates.Issued expiringLeaf;

    @TempDir
    static Path dir;

    private final Evaluator evaluator = new Evaluator(Instant.now(), false);

    @BeforeAll
    static void certificates() throws Exception {
        ca = TestCertificates.ca("tls-compat test CA");
        otherCa = TestCertificates.ca("another CA");
        Instant inAYear = Instant.now().plus(365, ChronoUnit.DAYS);
        leaf = TestCertificates.issuedBy(ca, HOST, new String[] {HOST}, new String[] {"127.0.0.1"}, inAYear);
        expiringLeaf = TestCertificates.issuedBy(ca, HOST, new String[] {HOST}, new String[0],
                Instant.now().plus(10, ChronoUnit.DAYS));
    }

    private static ServerProfile server(TestCertificates.Issued served) throws Exception {
        return sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .chain(served.certificate, ca.certificate).build();
    }

    private static String store(String name, TestCertificates.Issued... trusted) throws Exception {
        java.security.cert.X509Certificate[] certs = new java.security.cert.X509Certificate[trusted.length];
        for (int i = 0; i < trusted.length; i++) {
            certs[i] = trusted[i].certificate;
        }
        return TestCertificates.trustStore(dir.resolve(name).toFile(), certs).getPath();
    }

    /** The URL properties naming a store and its password, as a user writes them. */
    private static String trustStore(String path) {
        return ";trustStore=" + path + ";trustStorePassword=" + new String(TestCertificates.PASSWORD);
    }

    private List<FindingCode> codes(ClientProfile client, ServerProfile server) {
        return codesOf(evaluator.evaluate("t", client, server));
    }

    private static List<FindingCode> codesOf(Evaluation e) {
        List<FindingCode> out = new java.util.ArrayList<>();
        for (Finding f : e.findings()) {
            out.add(f.code());
        }
        return out;
    }

    @Test
    void aPrivateCaIsUntrustedWithTheDefaultTrustStore() throws Exception {
        Evaluation e = evaluator.evaluate("t", mssqlJdbc("12.8.1.jre11", "17", URL), server(leaf));
        assertThat(codesOf(e)).containsExactly(FindingCode.CERTIFICATE_UNTRUSTED);
        Finding f = e.findings().get(0);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).contains(TrustStoreSelection.FROM_JDK).contains("PKIX path building failed");
        assertThat(f.remediation()).isEqualTo(FindingTexts.FIX_UNTRUSTED_PKIX);
        // the same server is fine for a client that does not validate
        assertThat(codes(mssqlJdbc("12.8.1.jre11", "17", URL + ";trustServerCertificate=true"), server(leaf)))
                .isEmpty();
    }

    @Test
    void aTrustStoreHoldingTheCaPassesAndOneHoldingAnotherCaDoesNot() throws Exception {
        String right = store("right.p12", ca);
        String wrong = store("wrong.p12", otherCa);
        assertThat(codes(mssqlJdbc("12.8.1.jre11", "17", URL + trustStore(right)), server(leaf)))
                .isEmpty();
        Evaluation e = evaluator.evaluate("t", mssqlJdbc("12.8.1.jre11", "17", URL + trustStore(wrong)
                + ";trustStoreType=PKCS12"), server(leaf));
        assertThat(codesOf(e)).containsExactly(FindingCode.CERTIFICATE_UNTRUSTED);
        assertThat(e.findings().get(0).message()).contains(wrong).contains(TrustStoreSelection.FROM_URL);
    }

    @Test
    void theJvmOptionsTrustStoreCountsWhenTheUrlNamesNone() throws Exception {
        String right = store("jvm.p12", ca);
        List<String> options = Arrays.asList("-Djavax.net.ssl.trustStore=" + right,
                "-Djavax.net.ssl.trustStorePassword=" + new String(TestCertificates.PASSWORD));
        assertThat(codes(mssqlJdbc("12.8.1.jre11", "17", URL, options), server(leaf))).isEmpty();
        // the URL's store wins over the JVM's
        String wrong = store("url-wrong.p12", otherCa);
        assertThat(codes(mssqlJdbc("12.8.1.jre11", "17", URL + trustStore(wrong), options), server(leaf)))
                .containsExactly(FindingCode.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void aMissingTrustStoreFileTrustsNothing() throws Exception {
        assertThat(codes(mssqlJdbc("12.8.1.jre11", "17", URL + ";trustStore=" + dir.resolve("none.jks")),
                server(leaf))).containsExactly(FindingCode.CERTIFICATE_UNTRUSTED);
    }

    @Test
    void aTrustStorePasswordNeverReachesTheReport() throws Exception {
        String right = store("pw.p12", ca);
        // a wrong password makes the store unreadable: the driver fails, and the report must not echo it
        Evaluation e = evaluator.evaluate("t", mssqlJdbc("12.8.1.jre11", "17", URL + ";trustStore=" + right
                + ";trustStorePassword=" + SECRET), server(leaf));
        assertThat(codesOf(e)).containsExactly(FindingCode.CERTIFICATE_UNTRUSTED);
        assertThat(Json.write(e.toJson())).doesNotContain(SECRET).contains("\"passwordGiven\":true");
    }

    @Test
    void aServerNamedByIpFailsBefore134AndPassesFrom134() throws Exception {
        String right = store("ip.p12", ca);
        String url = IP_URL + trustStore(right);
        Evaluation old = evaluator.evaluate("t", mssqlJdbc("12.10.2.jre11", "17", url), server(leaf));
        assertThat(codesOf(old)).containsExactly(FindingCode.CERTIFICATE_HOSTNAME_MISMATCH);
        assertThat(old.findings().get(0).evidence().get("ipAddressSansIgnored"))
                .isEqualTo(Collections.singletonList("127.0.0.1"));
        assertThat(codes(mssqlJdbc("13.2.1.jre11", "17", url), server(leaf)))
                .containsExactly(FindingCode.CERTIFICATE_HOSTNAME_MISMATCH);
        assertThat(codes(mssqlJdbc("13.4.0.jre11", "17", url), server(leaf))).isEmpty();
        assertThat(codes(mssqlJdbc("13.6.2.jre11", "17", url), server(leaf))).isEmpty();
        // hostNameInCertificate names what the certificate carries: every version passes
        assertThat(codes(mssqlJdbc("12.10.2.jre11", "17", url + ";hostNameInCertificate=" + HOST), server(leaf)))
                .isEmpty();
    }

    @Test
    void aCertificateExpiringWithinTheWarningIsAWarningForValidatingClientsAndInfoOtherwise() throws Exception {
        String right = store("exp.p12", ca);
        Evaluation validating = evaluator.evaluate("t", mssqlJdbc("12.8.1.jre11", "17", URL + trustStore(right)),
                server(expiringLeaf));
        assertThat(codesOf(validating)).containsExactly(FindingCode.CERTIFICATE_EXPIRING);
        assertThat(validating.findings().get(0).severity()).isEqualTo(Severity.WARNING);
        Evaluation trusting = evaluator.evaluate("t", mssqlJdbc("12.8.1.jre11", "17", URL
                + ";trustServerCertificate=true"), server(expiringLeaf));
        assertThat(codesOf(trusting)).containsExactly(FindingCode.CERTIFICATE_EXPIRING);
        assertThat(trusting.findings().get(0).severity()).isEqualTo(Severity.INFO);
        // a 7-day warning does not fire for 10 days left
        assertThat(codesOf(new Evaluator(Instant.now(), false, 7).evaluate("t", mssqlJdbc("12.8.1.jre11", "17",
                URL + trustStore(right)), server(expiringLeaf)))).isEmpty();
    }

    @Test
    void aProfileSavedWithoutTheChainStillLoadsAndIsJudgedOnTheLeafAlone() throws Exception {
        ServerProfile withChain = server(leaf);
        String text = withChain.toJsonText();
        assertThat(ServerProfile.fromJsonText(text).certificateChain()).hasSize(2);
        assertThat(ServerProfile.fromJsonText(text)).isEqualTo(withChain);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> old = (java.util.Map<String, Object>) Json.parseObject(text);
        old.remove("certificateChain");
        ServerProfile loaded = ServerProfile.fromJson(old);
        assertThat(loaded.certificateChain()).isEmpty();
        assertThat(loaded.certificate()).isEqualTo(withChain.certificate());
        assertThat(withChain.certificate().der()).isNull();
    }

    @Test
    void wildcardsCoverOneLabelOnAHostWithAtLeastTwoDots() {
        assertThat(HostNameRules.matchesName("*.corp.example", "sql01.corp.example")).isTrue();
        assertThat(HostNameRules.matchesName("sql*.corp.example", "sql01.corp.example")).isTrue();
        assertThat(HostNameRules.matchesName("*.corp.example", "a.sql01.corp.example")).isFalse();
        assertThat(HostNameRules.matchesName("*.example", "corp.example")).isFalse();
        assertThat(HostNameRules.matchesName("xn--*.corp.example", "xn--a.corp.example")).isFalse();
        assertThat(HostNameRules.matchesName("sql01.corp.example", "sql01.corp.example")).isTrue();
    }

    @Test
    void encryptStrictWithServerCertificateComparesTheLeafWithThePinnedFile() throws Exception {
        File pin = dir.resolve("pin.cer").toFile();
        java.nio.file.Files.write(pin.toPath(), leaf.certificate.getEncoded());
        File otherPin = dir.resolve("other.cer").toFile();
        java.nio.file.Files.write(otherPin.toPath(), expiringLeaf.certificate.getEncoded());
        ServerProfile strict = sqlServer().strictOnly(TlsVersion.TLSv1_3, Arrays.asList("TLS_AES_256_GCM_SHA384"))
                .chain(leaf.certificate, ca.certificate).build();
        String url = IP_URL + ";encrypt=strict;serverCertificate=";
        assertThat(codes(mssqlJdbc("12.8.1.jre11", "17", url + pin), strict)).isEmpty();
        assertThat(codes(mssqlJdbc("12.8.1.jre11", "17", url + otherPin), strict))
                .containsExactly(FindingCode.CERTIFICATE_UNTRUSTED);
    }
}
