package io.tlscompat.maven;

import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.client.JdbcUrlException;
import io.tlscompat.core.report.SourceLocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Gathers the targets: {@code <targets>}, then {@code -Dtls-compat.url}, and only when neither gives one, every SQL
 * Server URL in the project's configuration files ({@link ConfigFileDiscovery}). Each URL is parsed (a bad one fails
 * the build naming its parameter or file), deduplicated by host:port (by host\\instance while the Browser is still to be asked), and remembered with where it was declared.
 * An empty result is the caller's to judge: a module without a SQL Server client is skipped, not failed.
 */
final class TargetCollector {
    private final MavenProject project;
    private final Log log;

    TargetCollector(MavenProject project, Log log) {
        this.project = project;
        this.log = log;
    }

    /**
     * @param url             {@code -Dtls-compat.url}, or null when it does not apply to this module
     * @param springProfiles  the profiles chosen, empty for all
     * @param sources         placeholder sources (system properties, environment, project properties)
     * @param locations       filled with each target's declaration site, for SARIF
     */
    List<JdbcTarget> collect(List<String> targets, String url, List<String> springProfiles,
            List<Function<String, String>> sources, Map<String, SourceLocation> locations)
            throws MojoFailureException, MojoExecutionException {
        PomLines pom = new PomLines(project);
        List<JdbcTarget> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (targets != null) {
            for (int i = 0; i < targets.size(); i++) {
                String u = targets.get(i);
                if (u != null && !u.trim().isEmpty()) {
                    add(parse(u, "targets", "pom.xml"), new SourceLocation("pom.xml", pom.targetLine(u.trim(), i)),
                            out, seen, locations);
                }
            }
        }
        if (url != null && !url.trim().isEmpty()) {
            add(parse(url, "url", "-Dtls-compat.url"), new SourceLocation("pom.xml", 1), out, seen, locations);
        }
        if (out.isEmpty()) {
            fromConfigFiles(springProfiles, sources, out, seen, locations);
        }
        return out;
    }

    private void fromConfigFiles(List<String> springProfiles, List<Function<String, String>> sources,
            List<JdbcTarget> out, Set<String> seen, Map<String, SourceLocation> locations)
            throws MojoFailureException, MojoExecutionException {
        ConfigFileDiscovery.Result found;
        try {
            found = ConfigFileDiscovery.discover(project.getBasedir(), springProfiles, sources);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + ConfigFileDiscovery.RESOURCES + ": " + e.getMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (!found.profiles.isEmpty()) {
            log.info(String.format(MojoMessages.NOTE_PROFILES,
                    springProfiles.isEmpty() ? "all found, " + found.profiles : springProfiles));
        }
        for (ConfigFileDiscovery.Found f : found.found) {
            String origin = f.entry.origin() + (f.entry.profile == null ? "" : " (profile " + f.entry.profile + ")");
            add(parse(f.url, f.entry.key, origin), new SourceLocation(f.entry.path, f.entry.line), out, seen,
                    locations);
        }
        List<String> errors = new ArrayList<>();
        for (ConfigFileDiscovery.Unresolved u : found.unresolved) {
            if (u.sqlServerUrl) {
                errors.add(String.format(MojoMessages.UNRESOLVED_PLACEHOLDER, u.entry.origin(), u.placeholder,
                        u.entry.key, u.placeholder, u.placeholder));
            } else {
                log.warn(String.format(MojoMessages.NOTE_URL_UNRESOLVED, u.entry.key, u.entry.origin(),
                        u.placeholder));
            }
        }
        if (!errors.isEmpty()) {
            throw new MojoFailureException(String.join("; ", errors));
        }
    }

    private static JdbcTarget parse(String u, String parameter, String origin) throws MojoFailureException {
        try {
            return JdbcTarget.parse(u, origin);
        } catch (JdbcUrlException e) {
            String property = parameter.equals("url") ? "tls-compat.url"
                    : parameter.equals("targets") ? "pom.xml" : origin;
            throw new MojoFailureException(String.format(MojoMessages.BAD_URL, parameter, property, e.getMessage()));
        }
    }

    private void add(JdbcTarget t, SourceLocation at, List<JdbcTarget> out, Set<String> seen,
            Map<String, SourceLocation> locations) {
        if (seen.add(t.key())) {
            out.add(t);
            locations.put(t.key(), at);
            log.info(String.format(MojoMessages.NOTE_TARGET, t.redactedUrl(), t.origin()));
        }
    }
}
