package io.tlscompat.maven;

import io.tlscompat.core.client.ClientDriver;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.eval.Evaluation;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/** Runs a {@link Rehearsal} per target whose driver is among the dependencies and whose server was probed. */
final class Rehearsals {
    private Rehearsals() {
    }

    static List<Map<String, Object>> runAll(List<JdbcTarget> jdbcTargets, List<Evaluation> evaluations,
            List<ClientDriver> drivers, Collection<Artifact> artifacts, File targetJavaHome, String targetJavaVersion,
            List<String> jvmOptions, File agent, String login, File workDir, Log log) throws MojoExecutionException {
        List<Map<String, Object>> out = new ArrayList<>();
        if (targetJavaHome == null && targetJavaVersion != null && !targetJavaVersion.trim().isEmpty()) {
            log.warn(MojoMessages.REHEARSAL_NEEDS_HOME);
            return out;
        }
        File home = targetJavaHome != null ? targetJavaHome : new File(System.getProperty("java.home"));
        for (JdbcTarget t : jdbcTargets) {
            ClientDriver driver = DriverDetection.forFlavour(drivers, t.flavour());
            Evaluation predicted = javaEvaluation(evaluations, t.address());
            if (driver == null || predicted == null || predicted.server() == null) {
                log.warn(String.format(MojoMessages.REHEARSAL_SKIPPED, t.address()));
                continue;
            }
            List<File> jars = new ArrayList<>();
            for (Artifact a : artifacts) {
                if (a.getGroupId().equals(driver.groupId()) && a.getArtifactId().equals(driver.artifactId())) {
                    jars.add(a.getFile());
                }
            }
            Map<String, Object> r = new Rehearsal(home, jvmOptions, agent, jars, login, workDir).run(t, predicted);
            log.info(String.format(MojoMessages.REHEARSAL_RESULT, t.address(), r.get("predicted"),
                    r.get("observed"), ((Map<?, ?>) r.get("driver")).get("message"), r.get("agrees")));
            out.add(r);
        }
        return out;
    }

    private static Evaluation javaEvaluation(List<Evaluation> evaluations, String address) {
        for (Evaluation e : evaluations) {
            if (e.target().equals(address) && e.client().kind() == ClientProfile.Kind.JAVA) {
                return e;
            }
        }
        return null;
    }
}
