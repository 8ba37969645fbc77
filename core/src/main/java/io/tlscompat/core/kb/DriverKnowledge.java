package io.tlscompat.core.kb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the knowledge base knows about one SQL Server client library: coordinates, TLS stack, version facts. */
public final class DriverKnowledge {
    private final String id;
    private final String groupId;
    private final List<String> artifactIds;
    private final String tlsStack;
    private final String source;
    private final List<DriverFact> facts;

    DriverKnowledge(String id, String groupId, List<String> artifactIds, String tlsStack, String source,
            List<DriverFact> facts) {
        this.id = id;
        this.groupId = groupId;
        this.artifactIds = Collections.unmodifiableList(new ArrayList<>(artifactIds));
        this.tlsStack = tlsStack;
        this.source = source;
        this.facts = Collections.unmodifiableList(new ArrayList<>(facts));
    }

    /** {@code mssql-jdbc}, {@code jtds}, {@code r2dbc-mssql}, {@code vertx-mssql-client}. */
    public String id() {
        return id;
    }

    public String groupId() {
        return groupId;
    }

    public List<String> artifactIds() {
        return artifactIds;
    }

    /** Which TLS implementation the library uses, in words. */
    public String tlsStack() {
        return tlsStack;
    }

    public String source() {
        return source;
    }

    public List<DriverFact> facts() {
        return facts;
    }

    /** The fact with this id, or null. */
    public DriverFact fact(String factId) {
        for (DriverFact f : facts) {
            if (f.id().equals(factId)) {
                return f;
            }
        }
        return null;
    }

    /** True when the fact exists and holds for this version. */
    public boolean has(String factId, DottedVersion version) {
        DriverFact f = fact(factId);
        return f != null && f.appliesTo(version);
    }

    /** True for these Maven coordinates. */
    public boolean matches(String group, String artifact) {
        return groupId.equals(group) && artifactIds.contains(artifact);
    }
}
