package io.tlscompat.maven;

import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.client.JdkProbeException;
import io.tlscompat.core.client.JdkTlsPolicy;
import io.tlscompat.core.kb.JdkRelease;
import io.tlscompat.core.kb.JdkVersion;
import io.tlscompat.core.kb.KnowledgeBase;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Decides which JDK the application will run on: a real one to fork, a knowledge-base release, or Maven's own. */
final class TargetJdkResolver {
    /** How long the forked JDK may take to print its defaults. */
    static final long FORK_TIMEOUT_MILLIS = 30000;

    private TargetJdkResolver() {
    }

    static JdkTlsPolicy resolve(File javaHome, String javaVersion, Log log)
            throws MojoFailureException, MojoExecutionException {
        if (javaHome != null) {
            if (javaVersion != null && !javaVersion.trim().isEmpty()) {
                log.info(MojoMessages.NOTE_BOTH_JDK);
            }
            if (!javaHome.isDirectory()) {
                throw new MojoFailureException(String.format(MojoMessages.BAD_JAVA_HOME, javaHome,
                        "no such directory"));
            }
            try {
                return JdkPolicies.fork(javaHome, FORK_TIMEOUT_MILLIS);
            } catch (JdkProbeException e) {
                if (e.tooOld()) {
                    throw new MojoFailureException(String.format(MojoMessages.JAVA_HOME_TOO_OLD, javaHome));
                }
                if (e.notAJdk()) {
                    throw new MojoFailureException(String.format(MojoMessages.BAD_JAVA_HOME, javaHome,
                            e.getMessage()));
                }
                throw new MojoExecutionException(String.format(MojoMessages.JAVA_HOME_FAILED, javaHome,
                        e.getMessage()), e);
            }
        }
        if (javaVersion != null && !javaVersion.trim().isEmpty()) {
            KnowledgeBase kb = KnowledgeBase.get();
            JdkVersion v = JdkVersion.parse(javaVersion);
            JdkRelease r = v == null ? null : kb.jdkRelease(v);
            if (r == null) {
                throw new MojoFailureException(String.format(MojoMessages.BAD_JAVA_VERSION, javaVersion.trim(),
                        String.join(", ", kb.jdkReleaseNames())));
            }
            return JdkPolicies.fromRelease(r, javaVersion.trim());
        }
        JdkTlsPolicy running = JdkPolicies.running();
        log.info(String.format(MojoMessages.NOTE_RUNNING_JDK, running.description()));
        return running;
    }
}
