package io.tlscompat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlscompat.core.client.JdkTlsPolicy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetJdkResolverTest {
    private final SystemStreamLog log = new SystemStreamLog();

    @Test
    void versionFromTheKnowledgeBase() throws Exception {
        JdkTlsPolicy p = TargetJdkResolver.resolve(null, "1.8.0_291", log);
        assertThat(p.origin()).isEqualTo(JdkTlsPolicy.Origin.KNOWLEDGE_BASE);
        assertThat(p.protocolsFor("TLS")).containsExactly("TLSv1.2");
    }

    @Test
    void unknownVersionAndMissingHomeAreConfigurationErrors() {
        assertThatThrownBy(() -> TargetJdkResolver.resolve(null, "java-eleven", log))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("<targetJavaVersion> (tls-compat.targetJavaVersion) is 'java-eleven'");
        assertThatThrownBy(() -> TargetJdkResolver.resolve(new File("/no/such/jdk"), null, log))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(String.format(MojoMessages.BAD_JAVA_HOME, "/no/such/jdk", "no such directory"));
    }

    @Test
    void aJava7HomeIsAConfigurationErrorPointingAtTargetJavaVersion(@TempDir File home) throws Exception {
        // Stands in for a Java 7 JDK: what its launcher prints for a Java 8 class file.
        File java = new File(home, "bin/java");
        java.getParentFile().mkdirs();
        Files.write(java.toPath(), ("#!/bin/sh\necho 'Exception in thread \"main\" java.lang.UnsupportedClassVersionError:"
                + " io/tlscompat/core/client/JdkDefaultsProbe : Unsupported major.minor version 52.0'\nexit 1\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(java.setExecutable(true)).isTrue();
        assertThatThrownBy(() -> TargetJdkResolver.resolve(home, null, log)).isInstanceOf(MojoFailureException.class)
                .hasMessage(String.format(MojoMessages.JAVA_HOME_TOO_OLD, home));
    }

    @Test
    void homeBeatsVersionAndIsForked() throws Exception {
        JdkTlsPolicy p = TargetJdkResolver.resolve(new File(System.getProperty("java.home")), "1.7.0_80", log);
        assertThat(p.origin()).isEqualTo(JdkTlsPolicy.Origin.FORKED);
        assertThat(p.javaVersion()).isEqualTo(System.getProperty("java.version"));
    }

    @Test
    void jvmOptionsMustBeSystemPropertiesAndNeedARealJdk() {
        assertThatThrownBy(() -> TargetJdkResolver.resolve(null, null, java.util.Arrays.asList("-Da=b", "-Xmx2g"),
                log)).isInstanceOf(MojoFailureException.class)
                .hasMessage(String.format(MojoMessages.BAD_JVM_OPTION, "-Xmx2g"));
        assertThatThrownBy(() -> TargetJdkResolver.resolve(null, " 17 ",
                java.util.Collections.singletonList("-Djdk.tls.client.protocols=TLSv1.2"), log))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage(String.format(MojoMessages.JVM_OPTIONS_NEED_HOME, "17"));
    }

    @Test
    void jvmOptionsAloneForkTheJdkRunningMavenWithThem() throws Exception {
        JdkTlsPolicy p = TargetJdkResolver.resolve(null, null,
                java.util.Collections.singletonList("-Djdk.tls.client.protocols=TLSv1.2"), log);
        assertThat(p.origin()).isEqualTo(JdkTlsPolicy.Origin.FORKED);
        assertThat(p.protocolsFor("TLS")).containsExactly("TLSv1.2");
        assertThat(p.source()).contains("-Djdk.tls.client.protocols=TLSv1.2");
    }
}
