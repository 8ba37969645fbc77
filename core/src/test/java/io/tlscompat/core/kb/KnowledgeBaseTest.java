package io.tlscompat.core.kb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
    private final KnowledgeBase kb = KnowledgeBase.get();

    @Test
    void everyEntryNamesItsSource() {
        for (JdkRelease r : kb.jdkReleases()) {
            assertThat(r.source()).as("source of %s", r.version()).isNotBlank();
            assertThat(r.defaultSuites()).as("suites of %s", r.version()).isNotEmpty();
        }
        for (DriverKnowledge d : kb.drivers()) {
            assertThat(d.source()).as("source of %s", d.id()).isNotBlank();
            for (DriverFact f : d.facts()) {
                assertThat(f.source()).as("source of %s.%s", d.id(), f.id()).isNotBlank();
            }
        }
        for (WindowsClient w : kb.windowsClients()) {
            assertThat(w.source()).as("source of %s", w.id()).isNotBlank();
        }
    }

    @Test
    void requestedReleasesMapToTheNearestEntryAtOrBelow() {
        assertThat(kb.jdkRelease(JdkVersion.parse("1.8.0_351")).version().toString()).isEqualTo("1.8.0_291");
        assertThat(kb.jdkRelease(JdkVersion.parse("8u202")).version().toString()).isEqualTo("1.8.0_202");
        assertThat(kb.jdkRelease(JdkVersion.parse("17.0.12")).version().toString()).isEqualTo("17");
        assertThat(kb.jdkRelease(JdkVersion.parse("17.0.15")).version().toString()).isEqualTo("17.0.15");
        assertThat(kb.jdkRelease(JdkVersion.parse("11.0.20")).version().toString()).isEqualTo("11.0.11");
        assertThat(kb.jdkRelease(JdkVersion.parse("1.8.0_151"))).isNull();
        assertThat(kb.jdkRelease(JdkVersion.parse("13"))).isNull();
    }

    @Test
    void jdk25DisablesTlsRsaAnd17015DoesNot() {
        assertThat(kb.jdkRelease(JdkVersion.parse("25")).tlsDisabledAlgorithms()).contains("TLS_RSA_*");
        assertThat(kb.jdkRelease(JdkVersion.parse("17.0.15")).tlsDisabledAlgorithms()).doesNotContain("TLS_RSA_*");
    }

    @Test
    void mssqlJdbcVersionFactsFollowTheChangelog() {
        DriverKnowledge d = kb.driverFor("com.microsoft.sqlserver", "mssql-jdbc");
        assertThat(d.has("encryptDefaultTrue", DottedVersion.parse("10.2.0.jre11"))).isTrue();
        assertThat(d.has("encryptDefaultTrue", DottedVersion.parse("9.4.1.jre11"))).isFalse();
        assertThat(d.has("strict", DottedVersion.parse("11.2.0.jre17"))).isTrue();
        assertThat(d.has("strict", DottedVersion.parse("11.1.0.jre17-preview"))).isFalse();
        assertThat(d.has("sslProtocol", DottedVersion.parse("6.2.2.jre8"))).isFalse();
        assertThat(DottedVersion.parse("12.8.1.jre11").qualifier()).isEqualTo("jre11");
    }

    @Test
    void javaVersionTextsParseToFeatureAndUpdate() {
        assertThat(JdkVersion.parse("1.7.0_80")).isEqualTo(new JdkVersion(7, 80));
        assertThat(JdkVersion.parse("8u202")).isEqualTo(new JdkVersion(8, 202));
        assertThat(JdkVersion.parse("11.0.10")).isEqualTo(new JdkVersion(11, 10));
        assertThat(JdkVersion.parse("17.0.15+6-Debian-1deb12u1")).isEqualTo(new JdkVersion(17, 15));
        assertThat(JdkVersion.parse("25")).isEqualTo(new JdkVersion(25, 0));
        assertThat(JdkVersion.parse("seventeen")).isNull();
        assertThat(JdkVersion.parse("3")).isNull();
    }

    @Test
    void schannelsRefusedHashListLivesOnceAndEveryWindowsProfileUsesIt() {
        KnowledgeBase kb = KnowledgeBase.get();
        assertThat(kb.schannelRefusedCertificateHashesTls12()).containsExactly("MD5", "SHA224", "SHA512");
        for (WindowsClient w : kb.windowsClients()) {
            assertThat(w.refusedCertificateHashesTls12()).as(w.id())
                    .isEqualTo(kb.schannelRefusedCertificateHashesTls12());
        }
    }

    @Test
    void mssqlJdbcChecksIpAddressSansFrom1331AndTheKnowledgeBaseReaches136() {
        DriverKnowledge d = KnowledgeBase.get().driver("mssql-jdbc");
        assertThat(d.has("ipAddressSan", DottedVersion.parse("12.10.2.jre11"))).isFalse();
        assertThat(d.has("ipAddressSan", DottedVersion.parse("13.2.1.jre11"))).isFalse();
        assertThat(d.has("ipAddressSan", DottedVersion.parse("13.4.0.jre11"))).isTrue();
        assertThat(d.has("ipAddressSan", DottedVersion.parse("13.6.2.jre11"))).isTrue();
        for (String id : new String[] {"trustStoreChoice", "hostnameCnThenSan", "wildcardOneLabel", "ipAddressSan",
                "serverCertificatePin"}) {
            assertThat(d.fact(id).source()).as(id).contains("github.com/microsoft/mssql-jdbc");
        }
    }
}
