package io.tlscompat.core.eval;

import static io.tlscompat.core.eval.Clients.mssqlJdbc;
import static io.tlscompat.core.eval.Servers.sqlServer;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tls.TlsVersion;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final String URL = "jdbc:sqlserver://db.example.com:1433;databaseName=app";
    private static final String URL_TRUSTING = URL + ";trustServerCertificate=true";
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private final Evaluator evaluator = new Evaluator(NOW, false);

    private Evaluation eval(ClientProfile client, ServerProfile server) {
        return evaluator.evaluate("db.example.com:1433", client, server);
    }

    private static Finding only(Evaluation e, FindingCode code) {
        Finding found = null;
        for (Finding f : e.findings()) {
            if (f.code() == code) {
                assertThat(found).as("one %s", code).isNull();
                found = f;
            }
        }
        assertThat(found).as("finding %s in %s", code, e.findings()).isNotNull();
        return found;
    }

    private static List<FindingCode> codes(Evaluation e) {
        List<FindingCode> out = new java.util.ArrayList<>();
        for (Finding f : e.findings()) {
            out.add(f.code());
        }
        return out;
    }

    // --- protocol-mismatch ---

    @Test
    void tls10OnlyServerAgainstJava17IsAProtocolMismatchFixedOnTheServer() {
        ServerProfile sql2008r2 = sqlServer().accepts(TlsVersion.TLSv1, Servers.LEGACY_TLS10).build();
        Evaluation e = eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), sql2008r2);
        Finding f = only(e, FindingCode.PROTOCOL_MISMATCH);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo("no common TLS version over TDS 7.x: the client offers [TLSv1.3, TLSv1.2],"
                + " the server accepts [TLSv1]");
        assertThat(f.remediation()).isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, "TLSv1"));
        assertThat(e.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(e.protocol()).isNull();
    }

    @Test
    void tls10OnlyServerAgainstJava8u202HandshakesWithALegacyWarningOnly() {
        ServerProfile sql2008r2 = sqlServer().accepts(TlsVersion.TLSv1, Servers.LEGACY_TLS10).build();
        Evaluation e = eval(mssqlJdbc("9.4.1.jre8", "1.8.0_202", URL), sql2008r2);
        assertThat(codes(e)).containsExactly(FindingCode.LEGACY_PROTOCOL);
        assertThat(only(e, FindingCode.LEGACY_PROTOCOL).severity()).isEqualTo(Severity.WARNING);
        assertThat(e.protocol()).isEqualTo("TLSv1");
        assertThat(e.cipherSuite()).isEqualTo("TLS_RSA_WITH_AES_128_CBC_SHA");
        assertThat(e.verdict()).isEqualTo(Verdict.WARN);
    }

    @Test
    void java7OfferingOnlyTls10AgainstATls12OnlyServerIsFixedOnTheClient() {
        ServerProfile tls12Only = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12).build();
        Evaluation e = eval(mssqlJdbc("6.1.0.jre7", "1.7.0_80", URL), tls12Only);
        Finding f = only(e, FindingCode.PROTOCOL_MISMATCH);
        assertThat(f.remediation()).isEqualTo(String.format(FindingTexts.FIX_PROTOCOL_CLIENT_OLD, "TLSv1"));
        assertThat(f.evidence().get("clientProtocols")).isEqualTo(Collections.singletonList("TLSv1"));
    }

    @Test
    void modernServerAgainstJava17PassesWithoutFindings() {
        ServerProfile sql2019 = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .accepts(TlsVersion.TLSv1_1, Servers.LEGACY_TLS10).build();
        Evaluation e = eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), sql2019);
        assertThat(e.findings()).isEmpty();
        assertThat(e.verdict()).isEqualTo(Verdict.PASS);
        assertThat(e.protocol()).isEqualTo("TLSv1.2");
        assertThat(e.cipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
    }

    // --- cipher-mismatch ---

    @Test
    void tlsRsaOnlyServerFailsOnJava25AndPassesOnJava17015() {
        ServerProfile hardened = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.TLS_RSA_ONLY).build();
        Evaluation on25 = eval(mssqlJdbc("12.8.1.jre11", "25", URL_TRUSTING), hardened);
        Finding f = only(on25, FindingCode.CIPHER_MISMATCH);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.remediation()).isEqualTo(FindingTexts.FIX_CIPHER_TLS_RSA);
        assertThat(f.message()).startsWith("no common cipher suite for TLSv1.2: the server accepts"
                + " [TLS_RSA_WITH_AES_256_GCM_SHA384, ");

        Evaluation on17 = eval(mssqlJdbc("12.8.1.jre11", "17.0.15", URL_TRUSTING), hardened);
        assertThat(on17.findings()).isEmpty();
        assertThat(on17.cipherSuite()).isEqualTo("TLS_RSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void java7WithoutGcmAgainstAGcmOnlyServerIsACipherMismatch() {
        ServerProfile gcmOnly = sqlServer().accepts(TlsVersion.TLSv1_2, Arrays.asList(
                "TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_GCM_SHA256")).build();
        Evaluation e = eval(mssqlJdbc("6.4.0.jre7", "1.7.0_80", URL + ";sslProtocol=TLSv1.2"), gcmOnly);
        assertThat(codes(e)).containsExactly(FindingCode.CIPHER_MISMATCH);
    }

    // --- weak-certificate-signature ---

    @Test
    void md5SignedCertificateIsRefusedByTheJdkEvenWithTrustServerCertificate() {
        ServerProfile s = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .certificate(Servers.selfSigned("db.example.com", "MD5withRSA")).build();
        Finding f = only(eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), s), FindingCode.WEAK_CERTIFICATE_SIGNATURE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo(String.format(FindingTexts.WEAK_SIGNATURE_JAVA, "MD5withRSA"));
        assertThat(f.remediation()).isEqualTo(FindingTexts.FIX_WEAK_SIGNATURE);
    }

    @Test
    void sha512SignedCaCertificateWarnsForWindowsPeersAndIsAnErrorForADeclaredWindowsClient() {
        ServerProfile s = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .certificate(Servers.caIssued("SHA512withRSA", "2030-01-01T00:00:00Z", "db.example.com")).build();
        Finding java = only(eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), s),
                FindingCode.WEAK_CERTIFICATE_SIGNATURE);
        assertThat(java.severity()).isEqualTo(Severity.WARNING);

        Evaluator declared = new Evaluator(NOW, true);
        assertThat(declared.evaluate("t", mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), s).findings()).isEmpty();
        Finding win = only(declared.evaluate("t", Clients.windows("windows-server-2019"), s),
                FindingCode.WEAK_CERTIFICATE_SIGNATURE);
        assertThat(win.severity()).isEqualTo(Severity.ERROR);
        assertThat(win.message()).isEqualTo(String.format(FindingTexts.WEAK_SIGNATURE_WINDOWS, "SHA512withRSA",
                "windows-server-2019"));
    }

    @Test
    void aCaIssuedMd5CertificateThatKeepsSchannelOffTls12IsTheCauseNotTheVersionList() {
        // What a probe sees of scenario 3: the server resets TLS 1.2, so only TLS 1.0 and 1.1 are accepted.
        ServerProfile s = sqlServer().accepts(TlsVersion.TLSv1_1, Servers.LEGACY_TLS10)
                .accepts(TlsVersion.TLSv1, Servers.LEGACY_TLS10)
                .certificate(Servers.caIssued("MD5withRSA", "2030-01-01T00:00:00Z", "db.example.com")).build();
        Evaluation e = eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), s);
        Finding f = only(e, FindingCode.WEAK_CERTIFICATE_SIGNATURE);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.message()).isEqualTo(String.format(FindingTexts.WEAK_SIGNATURE_BLOCKS_TLS12, "MD5withRSA",
                "TLSv1.1, TLSv1", "TLSv1.3, TLSv1.2"));
        assertThat(f.remediation()).isEqualTo(FindingTexts.FIX_WEAK_SIGNATURE);
        assertThat(e.has(FindingCode.PROTOCOL_MISMATCH)).isFalse();

        // Self-signed certificates are spared by Schannel: the same version list is then a plain protocol mismatch.
        ServerProfile selfSigned = sqlServer().accepts(TlsVersion.TLSv1_1, Servers.LEGACY_TLS10)
                .accepts(TlsVersion.TLSv1, Servers.LEGACY_TLS10)
                .certificate(Servers.selfSigned("db.example.com", "MD5withRSA")).build();
        assertThat(only(eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), selfSigned),
                FindingCode.PROTOCOL_MISMATCH).severity()).isEqualTo(Severity.ERROR);
        // A client that does not offer TLS 1.2 (Java 7's TLSv1) is not kept off TLS 1.2 by the certificate: it
        // negotiates TLS 1.0, and what follows is about that handshake, not this rule.
        Evaluation java7 = eval(mssqlJdbc("6.1.0.jre7", "1.7.0_80", URL_TRUSTING), s);
        assertThat(java7.protocol()).isEqualTo("TLSv1");
        assertThat(java7.findings()).noneMatch(x -> x.message().contains("cannot use with TLS 1.2"));
    }

    @Test
    void sha256CertificatesAndSelfSignedSha512CertificatesAreNotWeak() {
        ServerProfile sha256 = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .certificate(Servers.caIssued("SHA256withRSA", "2030-01-01T00:00:00Z", "db.example.com")).build();
        assertThat(eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), sha256).findings()).isEmpty();
        ServerProfile selfSigned512 = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .certificate(Servers.selfSigned("db.example.com", "SHA512withRSA")).build();
        assertThat(new Evaluator(NOW, true).evaluate("t", Clients.windows("windows-server-2012r2"), selfSigned512)
                .has(FindingCode.WEAK_CERTIFICATE_SIGNATURE)).isFalse();
    }

    // --- dhe-leading-zero-risk and dh-group-too-small ---

    @Test
    void serverPreferringDheIsALeadingZeroRisk() {
        ServerProfile dheFirst = sqlServer().accepts(TlsVersion.TLSv1_2, Arrays.asList(
                "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384")).dheBits(2048).build();
        Evaluation e = eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), dheFirst);
        Finding f = only(e, FindingCode.DHE_LEADING_ZERO_RISK);
        assertThat(f.severity()).isEqualTo(Severity.WARNING);
        assertThat(f.message()).isEqualTo(String.format(FindingTexts.DHE_RISK, "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"));
        assertThat(e.has(FindingCode.DH_GROUP_TOO_SMALL)).isFalse();
    }

    @Test
    void ecdheChosenBeforeDheIsNoLeadingZeroRisk() {
        ServerProfile ecdheFirst = sqlServer().accepts(TlsVersion.TLSv1_2, Arrays.asList(
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384")).dheBits(2048).build();
        assertThat(eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), ecdheFirst).findings()).isEmpty();
    }

    @Test
    void dhGroupBelowTheJdkMinimumAndAboveJava7sMaximumAreErrors() {
        ServerProfile small = sqlServer().accepts(TlsVersion.TLSv1_2, Collections.singletonList(
                "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")).dheBits(768).build();
        Finding tooSmall = only(eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), small),
                FindingCode.DH_GROUP_TOO_SMALL);
        assertThat(tooSmall.severity()).isEqualTo(Severity.ERROR);
        assertThat(tooSmall.message()).isEqualTo("the server's DHE group has 768 bits; this client accepts 1024 to"
                + " 8192 bits");
        assertThat(tooSmall.remediation()).isEqualTo(FindingTexts.FIX_DH_TOO_SMALL);

        ServerProfile big = sqlServer().accepts(TlsVersion.TLSv1, Collections.singletonList(
                "TLS_DHE_RSA_WITH_AES_128_CBC_SHA")).dheBits(2048).build();
        Finding tooBig = only(eval(mssqlJdbc("6.1.0.jre7", "1.7.0_80", URL), big), FindingCode.DH_GROUP_TOO_SMALL);
        assertThat(tooBig.remediation()).isEqualTo(FindingTexts.FIX_DH_TOO_LARGE);
    }

    // --- certificate-untrusted / hostname / expired ---

    @Test
    void selfSignedCertificateIsUntrustedForMssqlJdbc102DefaultsOnly() {
        ServerProfile s = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .certificate(Servers.selfSigned("db.example.com", "SHA256withRSA")).build();
        Finding f = only(eval(mssqlJdbc("10.2.0.jre11", "17", URL), s), FindingCode.CERTIFICATE_UNTRUSTED);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.remediation()).isEqualTo(FindingTexts.FIX_UNTRUSTED);
        assertThat(eval(mssqlJdbc("9.4.1.jre11", "17", URL), s).findings()).isEmpty();
        assertThat(eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), s).findings()).isEmpty();
        assertThat(eval(mssqlJdbc("12.8.1.jre11", "17", URL + ";trustStore=/etc/app/sql.jks"), s).findings())
                .isEmpty();
    }

    @Test
    void encryptFalseOn102IsValidatedOnlyWhenTheServerForcesEncryption() {
        ServerProfile forced = sqlServer().encryption(EncryptionLevel.REQ)
                .accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .certificate(Servers.selfSigned("db.example.com", "SHA256withRSA")).build();
        ServerProfile off = sqlServer().encryption(EncryptionLevel.OFF)
                .accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .certificate(Servers.selfSigned("db.example.com", "SHA256withRSA")).build();
        assertThat(eval(mssqlJdbc("12.8.1.jre11", "17", URL + ";encrypt=false"), forced)
                .has(FindingCode.CERTIFICATE_UNTRUSTED)).isTrue();
        assertThat(eval(mssqlJdbc("12.8.1.jre11", "17", URL + ";encrypt=false"), off).findings()).isEmpty();
    }

    @Test
    void hostnameNotInTheCertificateIsAMismatchUnlessHostNameInCertificateNamesIt() {
        ServerProfile s = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .certificate(Servers.caIssued("SHA256withRSA", "2030-01-01T00:00:00Z", "sql01.corp.example"))
                .build();
        String url = "jdbc:sqlserver://10.0.0.5:1433;trustStore=/etc/app/sql.jks";
        Finding f = only(eval(mssqlJdbc("12.8.1.jre11", "17", url), s), FindingCode.CERTIFICATE_HOSTNAME_MISMATCH);
        assertThat(f.message()).isEqualTo("the server certificate names [sql01.corp.example] but the driver checks"
                + " '10.0.0.5'");
        assertThat(eval(mssqlJdbc("12.8.1.jre11", "17", url + ";hostNameInCertificate=sql01.corp.example"), s)
                .findings()).isEmpty();
        ServerProfile wildcard = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .certificate(Servers.caIssued("SHA256withRSA", "2030-01-01T00:00:00Z", "*.corp.example")).build();
        assertThat(eval(mssqlJdbc("12.8.1.jre11", "17",
                "jdbc:sqlserver://sql01.corp.example;trustStore=/x.jks"), wildcard).findings()).isEmpty();
    }

    @Test
    void expiredCertificateFailsAValidatingClientOnly() {
        ServerProfile s = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .certificate(Servers.caIssued("SHA256withRSA", "2026-01-01T00:00:00Z", "db.example.com")).build();
        Finding f = only(eval(mssqlJdbc("12.8.1.jre11", "17", URL + ";trustStore=/x.jks"), s),
                FindingCode.CERTIFICATE_EXPIRED);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.remediation()).isEqualTo(FindingTexts.FIX_EXPIRED);
        assertThat(eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), s).findings()).isEmpty();
    }

    // --- encryption-not-supported / strict-encryption-required / tls13-over-tds7 ---

    @Test
    void encryptTrueAgainstNotSupIsAnErrorAndEncryptFalseIsNot() {
        ServerProfile noTls = sqlServer().encryption(EncryptionLevel.NOT_SUP).build();
        Finding f = only(eval(mssqlJdbc("12.8.1.jre11", "17", URL), noTls), FindingCode.ENCRYPTION_NOT_SUPPORTED);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(eval(mssqlJdbc("12.8.1.jre11", "17", URL + ";encrypt=false"), noTls).findings()).isEmpty();
        assertThat(Clients.jtds("17", "jdbc:jtds:sqlserver://db.example.com:1433/app;ssl=require")
                .requestsEncryption()).isTrue();
        assertThat(eval(Clients.jtds("17", "jdbc:jtds:sqlserver://db.example.com:1433/app;ssl=require"), noTls)
                .has(FindingCode.ENCRYPTION_NOT_SUPPORTED)).isTrue();
    }

    @Test
    void forceStrictServerRejectsTds7ClientsAndAcceptsEncryptStrict() {
        ServerProfile strict = sqlServer().strictOnly(TlsVersion.TLSv1_3, Arrays.asList("TLS_AES_256_GCM_SHA384"))
                .build();
        Finding capable = only(eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), strict),
                FindingCode.STRICT_ENCRYPTION_REQUIRED);
        assertThat(capable.remediation()).isEqualTo(FindingTexts.FIX_STRICT_CAPABLE);
        Finding old = only(eval(mssqlJdbc("9.4.1.jre11", "17", URL), strict), FindingCode.STRICT_ENCRYPTION_REQUIRED);
        assertThat(old.remediation()).isEqualTo(FindingTexts.FIX_STRICT_UPGRADE);
        Finding windows = only(new Evaluator(NOW, true).evaluate("t", Clients.windows("windows-server-2022"), strict),
                FindingCode.STRICT_ENCRYPTION_REQUIRED);
        assertThat(windows.remediation()).isEqualTo(FindingTexts.FIX_STRICT_WINDOWS);
        Evaluation ok = eval(mssqlJdbc("12.8.1.jre11", "17", URL + ";encrypt=strict;trustStore=/x.jks"), strict);
        assertThat(ok.findings()).isEmpty();
        assertThat(ok.framing()).isEqualTo("TDS 8 (strict)");
        assertThat(ok.protocol()).isEqualTo("TLSv1.3");
    }

    @Test
    void tls13InsideTds7IsAnErrorUnlessSslProtocolPinsTls12() {
        ServerProfile s = sqlServer().accepts(TlsVersion.TLSv1_3, Arrays.asList("TLS_AES_256_GCM_SHA384"))
                .accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12).build();
        Finding f = only(eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING), s), FindingCode.TLS13_OVER_TDS7);
        assertThat(f.severity()).isEqualTo(Severity.ERROR);
        assertThat(f.remediation()).isEqualTo(FindingTexts.FIX_TLS13_OVER_TDS7);
        Evaluation pinned = eval(mssqlJdbc("12.8.1.jre11", "17", URL_TRUSTING + ";sslProtocol=TLSv1.2"), s);
        assertThat(pinned.findings()).isEmpty();
        assertThat(pinned.protocol()).isEqualTo("TLSv1.2");
    }

    // --- legacy-protocol / server-unreachable / Windows ---

    @Test
    void tls12HandshakeIsNotLegacy() {
        ServerProfile s = sqlServer().accepts(TlsVersion.TLSv1_2, Servers.WIN2019_TLS12)
                .accepts(TlsVersion.TLSv1, Servers.LEGACY_TLS10).build();
        assertThat(eval(mssqlJdbc("9.4.1.jre8", "1.8.0_202", URL), s).has(FindingCode.LEGACY_PROTOCOL)).isFalse();
    }

    @Test
    void unreachableServerIsAnErrorNamingTheTarget() {
        Evaluation e = evaluator.unreachable("db.example.com:1433", mssqlJdbc("12.8.1.jre11", "17", URL),
                "connection refused", Severity.ERROR);
        Finding f = only(e, FindingCode.SERVER_UNREACHABLE);
        assertThat(f.message()).isEqualTo("cannot probe db.example.com:1433: connection refused");
        assertThat(f.remediation()).isEqualTo(FindingTexts.FIX_UNREACHABLE);
        assertThat(e.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void windows2012r2ClientAgainstATls12EcdheGcmOnlyServerHasNoCommonSuite() {
        ServerProfile gcmEcdhe = sqlServer().accepts(TlsVersion.TLSv1_2, Arrays.asList(
                "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).build();
        Evaluation e = new Evaluator(NOW, true).evaluate("t", Clients.windows("windows-server-2012r2"), gcmEcdhe);
        assertThat(codes(e)).containsExactly(FindingCode.CIPHER_MISMATCH);
        assertThat(new Evaluator(NOW, true).evaluate("t", Clients.windows("windows-server-2019"), gcmEcdhe)
                .findings()).isEmpty();
    }

    @Test
    void jtdsWithSslOffDoesNoTlsAndSoHasNoTlsFindings() {
        ServerProfile sql2008r2 = sqlServer().accepts(TlsVersion.TLSv1, Servers.LEGACY_TLS10).build();
        Evaluation e = eval(Clients.jtds("17", "jdbc:jtds:sqlserver://db.example.com:1433/app"), sql2008r2);
        assertThat(e.findings()).isEmpty();
        assertThat(e.framing()).isEqualTo("none");
        assertThat(eval(Clients.jtds("17", "jdbc:jtds:sqlserver://db.example.com/app;ssl=request"), sql2008r2)
                .has(FindingCode.PROTOCOL_MISMATCH)).isTrue();
    }
}
