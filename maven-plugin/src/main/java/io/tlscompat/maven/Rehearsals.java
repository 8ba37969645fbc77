package io.tlscompat.maven;

import io.tlscompat.core.browser.InstanceResolver;
import io.tlscompat.core.client.ClientDriver;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.FindingTexts;

import java.io.File;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;

/**
 * Runs a {@link Rehearsal} per target whose driver is among the dependencies and whose server was probed, at most
 * {@value #MAX_PARALLEL} at a time (each fork has its own timeout), and merges each observation into the target's
 * evaluation ({@link ObservedVerdict}). Every other evaluation is marked "predicted, not observed", with the reason
 * in the report and the Maven log.
 */
final class Rehearsals {
    /** Forks at once: each is a JVM, and the build machine is shared. */
    static final int MAX_PARALLEL = 4;

    /** The rehearsal entries (report.json "rehearsals") and the evaluations with their observation. */
    static final class Result {
        final List<Map<String, Object>> entries = new ArrayList<>();
        final List<Evaluation> evaluations = new ArrayList<>();
    }

    private Rehearsals() {
    }

    /** Target flavours whose driver the rehearsal fork can run through JDBC. */
    private static final java.util.Set<String> REHEARSABLE = new java.util.HashSet<>(
            java.util.Arrays.asList("mssql-jdbc", "jtds"));

    static Result runAll(RehearsalMode mode, List<JdbcTarget> jdbcTargets, List<Evaluation> evaluations,
            List<ClientDriver> drivers, Collection<Artifact> artifacts, File targetJavaHome, String targetJavaVersion,
            boolean offline, List<String> jvmOptions, int browserPort, AgentSource agent, String login, File workDir,
            Log log)
            throws MojoExecutionException {
        Map<Evaluation, String> notObserved = new LinkedHashMap<>();
        Map<Evaluation, List<File>> planned = new LinkedHashMap<>();
        Map<Evaluation, JdbcTarget> targetOf = new LinkedHashMap<>();
        String everyone = null;
        if (mode == RehearsalMode.OFF) {
            everyone = MojoMessages.NOT_OBSERVED_OFF;
        } else if (offline) {
            everyone = MojoMessages.NOT_OBSERVED_OFFLINE;
        } else if (targetJavaHome == null && targetJavaVersion != null && !targetJavaVersion.trim().isEmpty()) {
            everyone = MojoMessages.NOT_OBSERVED_NO_HOME;
        }
        File home = targetJavaHome != null ? targetJavaHome : new File(System.getProperty("java.home"));
        for (Evaluation e : evaluations) {
            JdbcTarget t = targetFor(jdbcTargets, e.target());
            String why = everyone != null ? everyone : reasonNotToRehearse(e, t, drivers, mode, planned,
                    browserPort);
            if (why != null) {
                notObserved.put(e, why);
                continue;
            }
            ClientDriver driver = DriverDetection.forFlavour(drivers, t.flavour());
            List<File> jars = new ArrayList<>();
            for (Artifact a : artifacts) {
                if (a.getGroupId().equals(driver.groupId()) && a.getArtifactId().equals(driver.artifactId())) {
                    jars.add(a.getFile());
                }
            }
            planned.put(e, jars);
            targetOf.put(e, t);
        }
        Map<Evaluation, Rehearsal> rehearsals = new LinkedHashMap<>();
        if (!planned.isEmpty()) {
            File agentJar = agent.jar();
            for (Map.Entry<Evaluation, List<File>> p : planned.entrySet()) {
                rehearsals.put(p.getKey(), new Rehearsal(home, jvmOptions, agentJar, p.getValue(), login, workDir,
                        mode));
            }
        }
        Map<Evaluation, Map<String, Object>> observed = runParallel(rehearsals, targetOf);
        Result result = new Result();
        for (Evaluation e : evaluations) {
            Map<String, Object> r = observed.get(e);
            if (r != null) {
                log.info(String.format(MojoMessages.REHEARSAL_RESULT, e.target(), r.get("predicted"),
                        r.get("observed"), ((Map<?, ?>) r.get("driver")).get("message"), r.get("agrees")));
                result.entries.add(r);
                result.evaluations.add(ObservedVerdict.merge(e, r));
            } else {
                String why = notObserved.get(e);
                log.warn(String.format(MojoMessages.NOT_OBSERVED, e.target(), e.client().name(), why));
                result.evaluations.add(e.withObservation(FindingTexts.NOT_OBSERVED, why, e.findings()));
            }
        }
        return result;
    }

    /** Why this evaluation cannot be rehearsed, or null when it can. */
    private static String reasonNotToRehearse(Evaluation e, JdbcTarget t, List<ClientDriver> drivers,
            RehearsalMode mode, Map<Evaluation, List<File>> planned, int browserPort) {
        if (e.client().kind() != ClientProfile.Kind.JAVA || t == null || !REHEARSABLE.contains(t.flavour())) {
            // the rehearsal fork opens a JDBC connection; an r2dbc:mssql:// target has no JDBC driver to run
            return MojoMessages.NOT_OBSERVED_NOT_JDBC;
        }
        if (e.server() == null) {
            return MojoMessages.NOT_OBSERVED_UNREACHABLE;
        }
        if (DriverDetection.forFlavour(drivers, t.flavour()) == null) {
            return MojoMessages.NOT_OBSERVED_NO_DRIVER;
        }
        for (Evaluation other : planned.keySet()) {
            if (other.target().equals(e.target())) {
                return MojoMessages.NOT_OBSERVED_SAME_SERVER;
            }
        }
        if (t.flavour().equals("jtds") && t.portSource() != null && browserPort != InstanceResolver.BROWSER_PORT) {
            // jTDS lets the instance win over any port: the fork would ask the real port 1434, not the one given
            return String.format(MojoMessages.NOT_OBSERVED_JTDS_BROWSER, browserPort);
        }
        if (mode == RehearsalMode.HANDSHAKE && "none".equals(e.framing())) {
            // Without TLS there is no handshake to end, and the login would travel: nothing to rehearse.
            return MojoMessages.NOT_OBSERVED_NO_TLS;
        }
        return null;
    }

    /** In parallel, bounded; a fork that hangs is killed by its own timeout inside {@link Rehearsal#run}. */
    private static Map<Evaluation, Map<String, Object>> runParallel(Map<Evaluation, Rehearsal> planned,
            Map<Evaluation, JdbcTarget> targetOf) throws MojoExecutionException {
        Map<Evaluation, Map<String, Object>> out = new LinkedHashMap<>();
        if (planned.isEmpty()) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(planned.size(), MAX_PARALLEL), r -> {
            Thread th = new Thread(r, "tls-compat-rehearsal");
            th.setDaemon(true);
            return th;
        });
        try {
            Map<Evaluation, Future<Map<String, Object>>> futures = new LinkedHashMap<>();
            for (Map.Entry<Evaluation, Rehearsal> p : planned.entrySet()) {
                Evaluation e = p.getKey();
                futures.put(e, pool.submit(() -> p.getValue().run(targetOf.get(e), e)));
            }
            for (Map.Entry<Evaluation, Future<Map<String, Object>>> f : futures.entrySet()) {
                out.put(f.getKey(), f.getValue().get());
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MojoExecutionException) {
                throw (MojoExecutionException) cause;
            }
            throw new MojoExecutionException("The rehearsal failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted during the rehearsal", e);
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static JdbcTarget targetFor(List<JdbcTarget> targets, String address) {
        for (JdbcTarget t : targets) {
            if (t.address().equals(address)) {
                return t;
            }
        }
        return null;
    }

    /** The agent jar, resolved only when a rehearsal will really run. */
    interface AgentSource {
        File jar() throws MojoExecutionException;
    }
}
