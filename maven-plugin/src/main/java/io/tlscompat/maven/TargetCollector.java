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
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Gathers the targets: {@code <targets>}, then {@code -Dtls-compat.url}, and only when neither gives one,
 * {@code spring.datasource.url} from the project's Spring Boot files. Each URL is parsed (a bad one fails the build
 * naming its parameter), deduplicated by host:port, and remembered with where it was declared.
 */
final class TargetCollector {
    private final MavenProject project;
    private final Log log;

    TargetCollector(MavenProject project, Log log) {
        this.project = project;
        this.log = log;
    }

    /**
     * @param locations filled with each target's declaration site, for SARIF
     */
    List<JdbcTarget> collect(List<String> targets, String url, Map<String, SourceLocation> locations)
            throws MojoFailureException, MojoExecutionException {
        PomLines pom = new PomLines(project.getFile());
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
            try {
                for (SpringDatasourceDiscovery.Found f : SpringDatasourceDiscovery.discover(project.getBasedir())) {
                    add(parse(f.url, "spring.datasource.url", f.path + ":" + f.line),
                            new SourceLocation(f.path, f.line), out, seen, locations);
                }
            } catch (IOException e) {
                throw new MojoExecutionException("Cannot read src/main/resources: " + e.getMessage(), e);
            }
        }
        if (out.isEmpty()) {
            throw new MojoFailureException(MojoMessages.NO_TARGETS);
        }
        return out;
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
        if (seen.add(t.address())) {
            out.add(t);
            locations.put(t.address(), at);
            log.info(String.format(MojoMessages.NOTE_TARGET, t.redactedUrl(), t.origin()));
        }
    }
}
