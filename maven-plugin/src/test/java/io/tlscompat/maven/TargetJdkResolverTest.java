package io.tlscompat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlscompat.core.client.JdkTlsPolicy;

import java.io.File;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

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
    void homeBeatsVersionAndIsForked() throws Exception {
        JdkTlsPolicy p = TargetJdkResolver.resolve(new File(System.getProperty("java.home")), "1.7.0_80", log);
        assertThat(p.origin()).isEqualTo(JdkTlsPolicy.Origin.FORKED);
        assertThat(p.javaVersion()).isEqualTo(System.getProperty("java.version"));
    }
}
