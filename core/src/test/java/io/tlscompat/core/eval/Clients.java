package io.tlscompat.core.eval;

import io.tlscompat.core.client.ClientDriver;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.JavaClientProfiles;
import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.client.WindowsClientProfiles;
import io.tlscompat.core.kb.JdkVersion;
import io.tlscompat.core.kb.KnowledgeBase;

import java.util.List;

/** Client profiles straight from the knowledge base, as the mojo builds them for a targetJavaVersion. */
final class Clients {
    private Clients() {
    }

    static ClientProfile mssqlJdbc(String driverVersion, String javaVersion, String url) {
        KnowledgeBase kb = KnowledgeBase.get();
        ClientDriver driver = new ClientDriver(kb.driver("mssql-jdbc"), "com.microsoft.sqlserver", "mssql-jdbc",
                driverVersion);
        return JavaClientProfiles.build(JdbcTarget.parse(url, "test"), driver,
                JdkPolicies.fromRelease(kb.jdkRelease(JdkVersion.parse(javaVersion)), javaVersion));
    }

    /** With the application's -D options, on the JDK running the test (its cacerts). */
    static ClientProfile mssqlJdbc(String driverVersion, String javaVersion, String url, List<String> jvmOptions) {
        KnowledgeBase kb = KnowledgeBase.get();
        ClientDriver driver = new ClientDriver(kb.driver("mssql-jdbc"), "com.microsoft.sqlserver", "mssql-jdbc",
                driverVersion);
        return JavaClientProfiles.build(JdbcTarget.parse(url, "test"), driver,
                JdkPolicies.fromRelease(kb.jdkRelease(JdkVersion.parse(javaVersion)), javaVersion), jvmOptions, null);
    }

    static ClientProfile jtds(String javaVersion, String url) {
        KnowledgeBase kb = KnowledgeBase.get();
        ClientDriver driver = new ClientDriver(kb.driver("jtds"), "net.sourceforge.jtds", "jtds", "1.3.1");
        return JavaClientProfiles.build(JdbcTarget.parse(url, "test"), driver,
                JdkPolicies.fromRelease(kb.jdkRelease(JdkVersion.parse(javaVersion)), javaVersion));
    }

    static ClientProfile windows(String id) {
        return WindowsClientProfiles.of(KnowledgeBase.get().windowsClient(id));
    }
}
