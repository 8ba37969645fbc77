package io.tlscompat.core.client;

import io.tlscompat.core.kb.DottedVersion;
import io.tlscompat.core.kb.DriverKnowledge;

/** A SQL Server client library found among the project's runtime dependencies, with its knowledge-base entry. */
public final class ClientDriver {
    private final DriverKnowledge knowledge;
    private final String groupId;
    private final String artifactId;
    private final DottedVersion version;

    public ClientDriver(DriverKnowledge knowledge, String groupId, String artifactId, String version) {
        this.knowledge = knowledge;
        this.groupId = groupId;
        this.artifactId = artifactId;
        this.version = DottedVersion.parse(version);
    }

    public DriverKnowledge knowledge() {
        return knowledge;
    }

    /** {@code mssql-jdbc}, {@code jtds}, … */
    public String id() {
        return knowledge.id();
    }

    public String groupId() {
        return groupId;
    }

    public String artifactId() {
        return artifactId;
    }

    public DottedVersion version() {
        return version;
    }

    /** True when the knowledge base fact holds for this version. */
    public boolean has(String factId) {
        return knowledge.has(factId, version);
    }

    /** {@code groupId:artifactId:version}. */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }

    @Override
    public String toString() {
        return coordinates();
    }
}
