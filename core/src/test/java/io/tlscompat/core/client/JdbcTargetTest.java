package io.tlscompat.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcTargetTest {
    @Test
    void mssqlJdbcUrlWithPropertiesAndInstance() {
        JdbcTarget t = JdbcTarget.parse("jdbc:sqlserver://db1\\SALES:14330;encrypt=strict;"
                + "hostNameInCertificate=db1.corp;trustStore=/etc/ts.jks;password=s3cret", "pom.xml");
        assertThat(t.host()).isEqualTo("db1");
        assertThat(t.instance()).isEqualTo("SALES");
        assertThat(t.port()).isEqualTo(14330);
        assertThat(t.property("encrypt")).isEqualTo("strict");
        assertThat(t.property("hostNameInCertificate")).isEqualTo("db1.corp");
        assertThat(t.properties()).doesNotContainKey("password");
        assertThat(t.redactedUrl()).doesNotContain("s3cret").endsWith("password=***");
    }

    @Test
    void redactMasksPasswordsInAnyTextWithAUrlOrAKeyValueList() {
        assertThat(JdbcTarget.redact("probe: 'db1:1433;user=sa;password={pa;ss};encrypt=true' is not HOST[:PORT]"))
                .isEqualTo("probe: 'db1:1433;user=sa;password=***;encrypt=true' is not HOST[:PORT]");
        assertThat(JdbcTarget.redact("a password=one\nb password=two\n")).isEqualTo("a password=***\nb password=***\n");
        assertThat(JdbcTarget.redact("x trustStorePassword=hunter2;pwd=p2 clientSecret=s3 accessToken=t0k"))
                .doesNotContain("hunter2").doesNotContain("p2").doesNotContain("s3").doesNotContain("t0k");
        assertThat(JdbcTarget.redact("see https://admin:hunter2@db1.corp/x and jdbc:sqlserver://db1;user=me@corp"))
                .isEqualTo("see https://admin:***@db1.corp/x and jdbc:sqlserver://db1;user=me@corp");
    }

    @Test
    void serverNameAndPortNumberProperties() {
        JdbcTarget t = JdbcTarget.parse("jdbc:sqlserver://;serverName=db2;portNumber=1500", "x");
        assertThat(t.address()).isEqualTo("db2:1500");
        assertThat(JdbcTarget.parse("jdbc:sqlserver://db3", "x").port()).isEqualTo(1433);
    }

    @Test
    void jtdsUrl() {
        JdbcTarget t = JdbcTarget.parse("jdbc:jtds:sqlserver://db4:1444/app;ssl=require;PASSWORD=x", "x");
        assertThat(t.flavour()).isEqualTo("jtds");
        assertThat(t.address()).isEqualTo("db4:1444");
        assertThat(t.property("ssl")).isEqualTo("require");
        assertThat(t.redactedUrl()).doesNotContain("=x");
    }

    @Test
    void r2dbcMssqlUrlKeepsItsTlsOptionsAndDropsTheUserInfo() {
        JdbcTarget t = JdbcTarget.parse("r2dbc:mssql://app:s3cret@db5:1500/orders?ssl=true&trustServerCertificate"
                + "=false&hostNameInCertificate=*.corp&trustStorePassword=changeit", "x");
        assertThat(t.flavour()).isEqualTo("r2dbc-mssql");
        assertThat(t.address()).isEqualTo("db5:1500");
        assertThat(t.property("ssl")).isEqualTo("true");
        assertThat(t.property("trustServerCertificate")).isEqualTo("false");
        assertThat(t.property("hostNameInCertificate")).isEqualTo("*.corp");
        assertThat(t.properties()).doesNotContainKey("truststorepassword");
        assertThat(t.redactedUrl()).doesNotContain("s3cret").doesNotContain("changeit")
                .startsWith("r2dbc:mssql://app:***@db5:1500/orders?ssl=true");
        assertThat(JdbcTarget.parse("r2dbc:mssql://db6", "x").port()).isEqualTo(1433);
        assertThat(JdbcTarget.parse("r2dbc:pool:sqlserver://u@db7:1501", "x").address()).isEqualTo("db7:1501");
        assertThat(JdbcTarget.looksLikeSqlServerUrl("r2dbc:mssql://db")).isTrue();
        assertThat(JdbcTarget.looksLikeSqlServerUrl("jdbc:postgresql://db")).isFalse();
    }

    @Test
    void badUrlsFailWithOneLineNamingTheRedactedUrlAndTheValidForm() {
        assertThatThrownBy(() -> JdbcTarget.parse("jdbc:mysql://db;password=hunter2", "x"))
                .isInstanceOf(JdbcUrlException.class)
                .hasMessage("'jdbc:mysql://db;password=***' is not a SQL Server JDBC URL; expected "
                        + JdbcTarget.VALID_FORMS);
        assertThatThrownBy(() -> JdbcTarget.parse("jdbc:sqlserver://db:99999", "x"))
                .hasMessage("'jdbc:sqlserver://db:99999' has port '99999'; expected a number from 1 to 65535");
    }
}
