package io.tlscompat.maven;

import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Finds the tls-compat agent jar (the shaded {@code all} artifact of the plugin's own version) through Maven's
 * resolver, only when a rehearsal needs it. Not a plugin dependency on purpose: the shaded agent carries its own copy
 * of core, which must not sit on the plugin's class path next to the real one.
 */
final class AgentJarResolver {
    static final String GROUP_ID = "io.tlscompat";
    static final String ARTIFACT_ID = "tls-compat-agent";
    static final String CLASSIFIER = "all";

    private AgentJarResolver() {
    }

    static File resolve(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
            String version) throws MojoExecutionException {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(GROUP_ID, ARTIFACT_ID, CLASSIFIER, "jar",
                version), repositories, null);
        try {
            return system.resolveArtifact(session, request).getArtifact().getFile();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot resolve the tls-compat agent " + GROUP_ID + ":" + ARTIFACT_ID
                    + ":jar:" + CLASSIFIER + ":" + version + " for the rehearsal: " + e.getMessage(), e);
        }
    }
}
