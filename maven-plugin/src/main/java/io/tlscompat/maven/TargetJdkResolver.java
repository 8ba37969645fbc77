package io.tlscompat.maven;

import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.client.JdkProbeException;
import io.tlscompat.core.client.JdkTlsPolicy;
import io.tlscompat.core.kb.JdkRelease;
import io.tlscompat.core.kb.JdkVersion;
import io.tlscompat.core.kb.KnowledgeBase;

import io.tlscompat.core.client.JvmOptions;
import java.io.File;
import java.util.Collections;
import java.util.List;
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
        return resolve(javaHome, javaVersion, Collections.<String>emptyList(), log);
    }

    /**
     * @param jvmOptions the application's {@code -D} options; they need a real JDK (the target's or Maven's own) to
     *     be run with, because their effect (a security properties file, a crypto policy) is only known by running
     */
    static JdkTlsPolicy resolve(File javaHome, String javaVersion, List<String> jvmOptions, Log log)
            throws MojoFailureException, MojoExecutionException {
        String invalid = JvmOptions.firstInvalid(jvmOptions);
        if (invalid != null) {
            throw new MojoFailureException(String.format(MojoMessages.BAD_JVM_OPTION, invalid));
        }
        boolean versionGiven = javaVersion != null && !javaVersion.trim().isEmpty();
        if (javaHome == null && versionGiven && !jvmOptions.isEmpty()) {
            throw new MojoFailureException(String.format(MojoMessages.JVM_OPTIONS_NEED_HOME, javaVersion.trim()));
        }
        if (javaHome == null && !jvmOptions.isEmpty()) {
            File running = new File(System.getProperty("java.home"));
            log.info(String.format(MojoMessages.NOTE_RUNNING_JDK, running));
            return fork(running, jvmOptions);
        }
        if (javaHome != null) {
            if (javaVersion != null && !javaVersion.trim().isEmpty()) {
                log.info(MojoMessages.NOTE_BOTH_JDK);
            }
            if (!javaHome.isDirectory()) {
                throw new MojoFailureException(String.format(MojoMessages.BAD_JAVA_HOME, javaHome,
                        "no such directory"));
            }
            return fork(javaHome, jvmOptions);
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

    private static JdkTlsPolicy fork(File javaHome, List<String> jvmOptions)
            throws MojoFailureException, MojoExecutionException {
        try {
            return JdkPolicies.fork(javaHome, jvmOptions, FORK_TIMEOUT_MILLIS);
        } catch (JdkProbeException e) {
            if (e.tooOld()) {
                throw new MojoFailureException(String.format(MojoMessages.JAVA_HOME_TOO_OLD, javaHome));
            }
            if (e.notAJdk()) {
                throw new MojoFailureException(String.format(MojoMessages.BAD_JAVA_HOME, javaHome, e.getMessage()));
            }
            throw new MojoExecutionException(String.format(MojoMessages.JAVA_HOME_FAILED, javaHome,
                    e.getMessage()), e);
        }
    }
}
