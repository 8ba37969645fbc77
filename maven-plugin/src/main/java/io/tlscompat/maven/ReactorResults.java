package io.tlscompat.maven;

import io.tlscompat.core.eval.Evaluation;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * The gate's results across a multi-module build, kept in the session (the repository session's data, which every
 * module's execution shares), so that the build fails once, at the end, naming each failing module's codes (as
 * maven-enforcer does), and the reactor's root gets one summary of every checked module.
 */
final class ReactorResults {
    private static final String KEY = ReactorResults.class.getName();
    static final String PLUGIN_KEY = "io.tlscompat:tls-compat-maven-plugin";

    /** One module's outcome. */
    static final class Module {
        final String name;
        final List<String[]> rows = new ArrayList<>(); // target, client, verdict
        final String codes; // the codes that fail it, or null

        Module(String name, List<Evaluation> evaluations, String codes) {
            this.name = name;
            this.codes = codes;
            for (Evaluation e : evaluations) {
                rows.add(new String[] {e.target(), e.client().name(), e.verdict().label()});
            }
        }
    }

    private final Map<String, Module> checked = new LinkedHashMap<>();
    private final List<String> done = new ArrayList<>();

    private ReactorResults() {
    }

    /** This build's results, shared by every module. */
    static ReactorResults of(MavenSession session) {
        return (ReactorResults) session.getRepositorySession().getData().computeIfAbsent(KEY, ReactorResults::new);
    }

    /** True when the build has more than one project, so failures wait for the end. */
    static boolean isMultiModule(MavenSession session) {
        return session.getProjects() != null && session.getProjects().size() > 1;
    }

    /**
     * Called by every module's execution as it ends (checked, skipped or passed): in a multi-module build, the last
     * module that runs the gate writes the reactor's summary (when more than one module was checked) and fails the
     * build once, naming each failing module's codes.
     */
    static void finish(MavenSession session, MavenProject project, Log log)
            throws MojoFailureException, MojoExecutionException {
        if (!isMultiModule(session)) {
            return;
        }
        ReactorResults results = of(session);
        if (!results.doneAndLast(session, project)) {
            return;
        }
        File summary = null;
        if (results.modules().size() > 1) {
            MavenProject root = session.getTopLevelProject() != null ? session.getTopLevelProject() : project;
            try {
                summary = results.writeSummary(new File(root.getBuild().getDirectory(), "tls-compat"));
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot write the reactor summary: " + e.getMessage(), e);
            }
            log.info(String.format(MojoMessages.REACTOR_SUMMARY, summary));
        }
        List<Module> failing = results.failing();
        if (!failing.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Module m : failing) {
                parts.add(m.name + ": " + m.codes);
            }
            throw new MojoFailureException(String.format(MojoMessages.REACTOR_VIOLATIONS, failing.size(),
                    String.join("; ", parts), summary != null ? summary : "each module's target/tls-compat/summary.md"));
        }
    }

    synchronized void checked(MavenProject project, List<Evaluation> evaluations, String codes) {
        checked.put(id(project), new Module(project.getArtifactId(), evaluations, codes));
    }

    /**
     * Marks this project as done and tells whether it is the last one of the reactor that runs the gate: every
     * such project has reported, or this is the last of them in build order.
     */
    synchronized boolean doneAndLast(MavenSession session, MavenProject project) {
        done.add(id(project));
        List<MavenProject> running = new ArrayList<>();
        for (MavenProject p : session.getProjects()) {
            if (runsTheGate(session, p)) {
                running.add(p);
            }
        }
        if (running.isEmpty() || id(running.get(running.size() - 1)).equals(id(project))) {
            return true;
        }
        for (MavenProject p : running) {
            if (!done.contains(id(p))) {
                return false;
            }
        }
        return true;
    }

    synchronized List<Module> modules() {
        return new ArrayList<>(checked.values());
    }

    synchronized List<Module> failing() {
        List<Module> out = new ArrayList<>();
        for (Module m : checked.values()) {
            if (m.codes != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** Writes {@code summary.md} for the whole reactor: module, target, client, verdict. */
    synchronized File writeSummary(File dir) throws IOException {
        StringBuilder md = new StringBuilder("# tls-compat: reactor summary\n\n");
        md.append("| module | target | client | verdict |\n|---|---|---|---|\n");
        for (Module m : checked.values()) {
            for (String[] r : m.rows) {
                md.append("| ").append(m.name).append(" | ").append(r[0]).append(" | ").append(r[1]).append(" | ")
                        .append(r[2]).append(" |\n");
            }
        }
        md.append('\n');
        for (Module m : checked.values()) {
            if (m.codes != null) {
                md.append("- **").append(m.name).append("** fails: ").append(m.codes).append('\n');
            }
        }
        md.append("\nEach module's findings and fixes are in its own target/tls-compat/summary.md.\n");
        Files.createDirectories(dir.toPath());
        File f = new File(dir, "summary.md");
        Files.write(f.toPath(), md.toString().getBytes(StandardCharsets.UTF_8));
        return f;
    }

    /** The gate runs in a project when it was asked for on the command line or bound in that project's build. */
    private static boolean runsTheGate(MavenSession session, MavenProject p) {
        for (String goal : session.getGoals()) {
            if (goal.startsWith("tls-compat:") || goal.startsWith(PLUGIN_KEY + ":")) {
                return true;
            }
        }
        Plugin plugin = p.getPlugin(PLUGIN_KEY);
        if (plugin != null) {
            for (PluginExecution e : plugin.getExecutions()) {
                if (e.getGoals().contains("verify")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String id(MavenProject p) {
        return p.getGroupId() + ":" + p.getArtifactId() + ":" + p.getVersion();
    }
}
