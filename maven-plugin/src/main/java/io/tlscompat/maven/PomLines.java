package io.tlscompat.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.InputLocation;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Line lookups in the project's pom.xml, so SARIF results point at the dependency or the URL to change. Maven's own
 * model locations ({@link InputLocation}, recorded while it read this pom) come first; a text search is the
 * fallback, for elements Maven did not locate or that were inherited from another pom.
 */
final class PomLines {
    private final List<String> lines;
    private final MavenProject project;

    PomLines(MavenProject project) {
        this(project.getFile(), project);
    }

    PomLines(File pom) {
        this(pom, null);
    }

    private PomLines(File pom, MavenProject project) {
        this.project = project;
        List<String> read;
        try {
            read = pom != null && pom.isFile() ? Files.readAllLines(pom.toPath(), StandardCharsets.UTF_8)
                    : Collections.<String>emptyList();
        } catch (IOException e) {
            read = Collections.emptyList();
        }
        this.lines = read;
    }

    /** The 1-based line of the first occurrence of {@code text}, or 1 when absent. */
    int lineOf(String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return 1;
    }

    /**
     * The line of the {@code index}-th configured target: where its URL's text is or, when Maven interpolated it
     * (a {@code ${db.port}} in the pom), the {@code index}-th {@code <target>} element of {@code <targets>}; else 1.
     */
    int targetLine(String url, int index) {
        Integer located = modelTargetLine(index);
        if (located != null) {
            return located;
        }
        int literal = lineOf(url);
        if (literal > 1 || (!lines.isEmpty() && lines.get(0).contains(url))) {
            return literal;
        }
        int seen = 0;
        boolean inTargets = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            inTargets |= line.contains("<targets>");
            for (int at = line.indexOf("<target>"); inTargets && at >= 0; at = line.indexOf("<target>", at + 1)) {
                if (seen++ == index) {
                    return i + 1;
                }
            }
            if (line.contains("</targets>")) {
                inTargets = false;
            }
        }
        return 1;
    }

    /** The line of {@code <artifactId>artifactId</artifactId>}, or 1 (a transitive dependency). */
    int dependencyLine(String artifactId) {
        if (project != null && project.getModel() != null) {
            for (Dependency d : project.getModel().getDependencies()) {
                if (artifactId.equals(d.getArtifactId())) {
                    Integer line = inThisPom(d.getLocation("artifactId"));
                    if (line != null) {
                        return line;
                    }
                }
            }
        }
        return lineOf("<artifactId>" + artifactId + "</artifactId>");
    }

    /** The {@code index}-th {@code <targets><target>} of this plugin's configuration, as Maven located it. */
    private Integer modelTargetLine(int index) {
        Plugin plugin = project == null ? null : project.getPlugin(ReactorResults.PLUGIN_KEY);
        if (plugin == null) {
            return null;
        }
        List<Object> configurations = new ArrayList<>();
        configurations.add(plugin.getConfiguration());
        for (PluginExecution e : plugin.getExecutions()) {
            configurations.add(e.getConfiguration());
        }
        for (Object c : configurations) {
            Xpp3Dom targets = c instanceof Xpp3Dom ? ((Xpp3Dom) c).getChild("targets") : null;
            if (targets != null && index < targets.getChildCount()) {
                Object at = targets.getChild(index).getInputLocation();
                Integer line = at instanceof InputLocation ? inThisPom((InputLocation) at) : null;
                if (line != null) {
                    return line;
                }
            }
        }
        return null;
    }

    /** The line, when the location is in this project's own pom.xml (not a parent's). */
    private Integer inThisPom(InputLocation at) {
        if (at == null || at.getLineNumber() < 1 || at.getSource() == null || at.getSource().getLocation() == null
                || project.getFile() == null) {
            return null;
        }
        File source = new File(at.getSource().getLocation());
        return source.getAbsoluteFile().equals(project.getFile().getAbsoluteFile()) ? at.getLineNumber() : null;
    }
}
