package io.tlscompat.maven;

import io.tlscompat.core.client.ClientDriver;
import io.tlscompat.core.kb.DriverKnowledge;
import io.tlscompat.core.kb.KnowledgeBase;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.maven.artifact.Artifact;

/** Finds the SQL Server client libraries among the project's resolved runtime dependencies (transitive too). */
final class DriverDetection {
    private DriverDetection() {
    }

    /** Every recognised client library, mssql-jdbc and jTDS first. */
    static List<ClientDriver> detect(Collection<Artifact> artifacts) {
        KnowledgeBase kb = KnowledgeBase.get();
        List<ClientDriver> jdbc = new ArrayList<>();
        List<ClientDriver> other = new ArrayList<>();
        for (Artifact a : artifacts) {
            String scope = a.getScope();
            if (Artifact.SCOPE_TEST.equals(scope) || Artifact.SCOPE_PROVIDED.equals(scope)) {
                continue;
            }
            DriverKnowledge k = kb.driverFor(a.getGroupId(), a.getArtifactId());
            if (k != null) {
                ClientDriver d = new ClientDriver(k, a.getGroupId(), a.getArtifactId(), a.getVersion());
                (k.id().equals("mssql-jdbc") || k.id().equals("jtds") ? jdbc : other).add(d);
            }
        }
        jdbc.addAll(other);
        return jdbc;
    }

    /** The driver a URL of this flavour uses, or null. */
    static ClientDriver forFlavour(List<ClientDriver> drivers, String flavour) {
        for (ClientDriver d : drivers) {
            if (d.id().equals(flavour)) {
                return d;
            }
        }
        return null;
    }
}
