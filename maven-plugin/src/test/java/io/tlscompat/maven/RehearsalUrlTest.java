package io.tlscompat.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.client.JdbcTarget;
import org.junit.jupiter.api.Test;

/** The URL the rehearsal fork connects with, built from the project's own. */
class RehearsalUrlTest {
    @Test
    void credentialsAndTheMaskedStorePasswordAreLeftOutAndRetriesAreOff() {
        JdbcTarget t = JdbcTarget.parse("jdbc:sqlserver://db1:1433;user=app;password=s3cret;trustStore=/etc/ts.jks;"
                + "trustStorePassword={p;w};encrypt=true", "test");
        String url = Rehearsal.rehearsalUrl(t);
        assertThat(url).isEqualTo("jdbc:sqlserver://db1:1433;trustStore=/etc/ts.jks;encrypt=true;connectRetryCount=0");
        assertThat(url).doesNotContain("s3cret").doesNotContain("p;w").doesNotContain("***");
        assertThat(t.trustStorePassword()).as("the real one stays for standard input").isEqualTo("p;w".toCharArray());
    }

    @Test
    void aNamedInstanceIsRehearsedOnThePortTheBrowserGave() {
        JdbcTarget t = JdbcTarget.parse("jdbc:sqlserver://db1\\SQLEXPRESS;encrypt=true", "test")
                .withResolvedPort(49172, "from the Browser");
        assertThat(Rehearsal.rehearsalUrl(t))
                .isEqualTo("jdbc:sqlserver://db1\\SQLEXPRESS;encrypt=true;portNumber=49172;connectRetryCount=0");
        assertThat(Rehearsal.rehearsalUrl(JdbcTarget.parse("jdbc:sqlserver://db1:1500;encrypt=true", "test")))
                .as("no Browser, no port added").isEqualTo("jdbc:sqlserver://db1:1500;encrypt=true;connectRetryCount=0");
    }

    @Test
    void twoInstancesOfOneHostWithoutPortsAreTwoTargets() {
        JdbcTarget a = JdbcTarget.parse("jdbc:sqlserver://db1\\A", "test");
        JdbcTarget b = JdbcTarget.parse("jdbc:sqlserver://db1\\B", "test");
        assertThat(a.address()).isEqualTo(b.address());
        assertThat(a.key()).isEqualTo("db1\\A").isNotEqualTo(b.key());
        assertThat(JdbcTarget.parse("jdbc:sqlserver://db1:1433", "test").key()).isEqualTo("db1:1433");
    }
}
