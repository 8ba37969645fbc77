package io.tlscompat.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlscompat.core.kb.JdkVersion;
import io.tlscompat.core.kb.KnowledgeBase;

import java.io.File;
import org.junit.jupiter.api.Test;

class JdkPoliciesTest {
    @Test
    void forkingTheRunningJdkReadsTheSameDefaultsAsInProcess() throws Exception {
        JdkTlsPolicy forked = JdkPolicies.fork(new File(System.getProperty("java.home")), 20000);
        JdkTlsPolicy running = JdkPolicies.running();
        assertThat(forked.origin()).isEqualTo(JdkTlsPolicy.Origin.FORKED);
        assertThat(forked.javaVersion()).isEqualTo(System.getProperty("java.version"));
        assertThat(forked.protocolsFor("TLS")).isEqualTo(running.protocolsFor("TLS"));
        assertThat(forked.suites()).isEqualTo(running.suites());
        assertThat(forked.tlsDisabled().text()).isEqualTo(running.tlsDisabled().text());
    }

    @Test
    void temurin25ReallyDropsTlsRsaSuites() throws Exception {
        File home = new File(System.getProperty("tlscompat.jdk25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"));
        assumeTrue(new File(home, "bin/java").canExecute(), "Temurin 25 not installed at " + home);
        JdkTlsPolicy jdk25 = JdkPolicies.fork(home, 20000);
        assertThat(jdk25.javaVersion()).startsWith("25");
        assertThat(jdk25.suites()).isNotEmpty().noneMatch(s -> s.startsWith("TLS_RSA_"));
        assertThat(jdk25.tlsDisabled().disablesSuite("TLS_RSA_WITH_AES_128_GCM_SHA256")).isTrue();
    }

    @Test
    void aDirectoryWithoutBinJavaIsNotAJdk(@org.junit.jupiter.api.io.TempDir File dir) {
        assertThatThrownBy(() -> JdkPolicies.fork(dir, 5000)).isInstanceOf(JdkProbeException.class)
                .matches(e -> ((JdkProbeException) e).notAJdk());
    }

    @Test
    void knowledgeBasePolicyFor17015MatchesTheInstalledJdk17WhenThatIsWhatRuns() {
        assumeTrue(System.getProperty("java.version").startsWith("17.0.15"), "needs the 17.0.15 runtime");
        JdkTlsPolicy kb = JdkPolicies.fromRelease(KnowledgeBase.get().jdkRelease(JdkVersion.parse("17.0.15")),
                "17.0.15");
        JdkTlsPolicy real = JdkPolicies.running();
        assertThat(kb.protocolsFor("TLS")).isEqualTo(real.protocolsFor("TLS"));
        assertThat(kb.protocolsFor("TLSv1.2")).isEqualTo(real.protocolsFor("TLSv1.2"));
        assertThat(kb.suites()).isEqualTo(real.suites());
    }

    @Test
    void theApplicationsSecurityPropertiesFileChangesWhatTheForkedJdkReports(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // A hardened policy as organisations deploy it: DH below 2048 bits and TLS 1.2 below 1.3 refused.
        java.nio.file.Path security = dir.resolve("hardened.security");
        java.nio.file.Files.write(security, java.util.Collections.singletonList(
                "jdk.tls.disabledAlgorithms=SSLv3, TLSv1, TLSv1.1, TLSv1.2, RC4, DES, MD5withRSA, DH keySize < 2048,"
                        + " EC keySize < 224, 3DES_EDE_CBC, anon, NULL"));
        JdkTlsPolicy hardened = JdkPolicies.fork(new File(System.getProperty("java.home")), java.util.Arrays.asList(
                "-Djava.security.properties=" + security, "-Djavax.net.ssl.trustStorePassword=changeit"), 20000);
        assertThat(hardened.minDhBits()).isEqualTo(2048);
        assertThat(hardened.protocolsFor("TLS")).containsExactly("TLSv1.3");
        assertThat(hardened.source()).contains("-Djava.security.properties=" + security)
                .contains("-Djavax.net.ssl.trustStorePassword=***").doesNotContain("changeit");
        assertThat(JdkPolicies.running().minDhBits()).isEqualTo(1024);
    }

    @Test
    void onlySystemPropertiesAreJvmOptionsThatMatter() {
        assertThat(JvmOptions.firstInvalid(java.util.Arrays.asList("-Da=b", "-Djdk.tls.client.protocols=TLSv1.2")))
                .isNull();
        assertThat(JvmOptions.firstInvalid(java.util.Arrays.asList("-Da=b", "-Xmx1g"))).isEqualTo("-Xmx1g");
        assertThat(JvmOptions.firstInvalid(java.util.Collections.singletonList("-D=x"))).isEqualTo("-D=x");
        assertThat(JvmOptions.redacted(java.util.Arrays.asList("-Dx.keyStorePassword=s3cret", "-Dsecret.pwd=p",
                "-Djavax.net.ssl.trustStore=/t.jks"))).containsExactly("-Dx.keyStorePassword=***", "-Dsecret.pwd=***",
                        "-Djavax.net.ssl.trustStore=/t.jks");
    }
}
