package io.tlscompat.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.kb.JdkVersion;
import io.tlscompat.core.kb.KnowledgeBase;
import org.junit.jupiter.api.Test;

/** r2dbc-mssql's TLS options as MssqlConnectionConfiguration applies them. */
class R2dbcClientProfileTest {
    private static ClientProfile build(String url) {
        KnowledgeBase kb = KnowledgeBase.get();
        ClientDriver driver = new ClientDriver(kb.driver("r2dbc-mssql"), "io.r2dbc", "r2dbc-mssql", "1.0.2.RELEASE");
        return JavaClientProfiles.build(JdbcTarget.parse(url, "test"), driver,
                JdkPolicies.fromRelease(kb.jdkRelease(JdkVersion.parse("17.0.15")), "17.0.15"));
    }

    @Test
    void sslTrueValidatesTheCertificateAgainstHostNameInCertificate() {
        ClientProfile p = build("r2dbc:mssql://u:p@db1:1433/x?ssl=true&hostNameInCertificate=db.corp");
        assertThat(p.requestsEncryption()).isTrue();
        assertThat(p.validation()).isEqualTo(CertificateValidation.ALWAYS);
        assertThat(p.hostnameToCheck()).isEqualTo("db.corp");
        assertThat(p.notes()).doesNotContain(JavaClientProfiles.NOTE_R2DBC_LOGIN_ONLY);
    }

    @Test
    void trustServerCertificateOrNoSslTrustsAnyCertificate() {
        ClientProfile trusting = build("r2dbc:mssql://db1?ssl=true&trustServerCertificate=true");
        assertThat(trusting.requestsEncryption()).isTrue();
        assertThat(trusting.validation()).isEqualTo(CertificateValidation.NEVER);
        ClientProfile loginOnly = build("r2dbc:mssql://db1");
        assertThat(loginOnly.requestsEncryption()).isFalse();
        assertThat(loginOnly.validation()).isEqualTo(CertificateValidation.NEVER);
        assertThat(loginOnly.notes()).contains(JavaClientProfiles.NOTE_R2DBC_LOGIN_ONLY);
    }
}
