package io.tlscompat.it.agent;

import static io.tlscompat.it.agent.AgentRecords.diagnosis;
import static io.tlscompat.it.agent.AgentRecords.remediation;
import static io.tlscompat.it.agent.AgentRecords.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.it.support.OpenSslCertificate;
import io.tlscompat.it.support.OpenSslServer;
import io.tlscompat.it.support.Openssl;
import io.tlscompat.it.support.PrivateCa;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * mssql-jdbc's own host-name check, under the agent: {@code openssl s_server} behind the relay sends a chain from a
 * private CA the URL's trust store holds, so PKIX succeeds and only the driver's host-name check can refuse. The
 * driver fails with "Failed to validate the server name"; the record must say {@code client-rejected} with
 * diagnosis {@code certificate-hostname-mismatch}. The same chain with {@code hostNameInCertificate} set to the
 * certificate's name completes the handshake, which proves the refusal was the host name and nothing else.
 */
class AgentDriverHostNameCheckIT {
    /** mssql-jdbc's words (SQLServerResource R_certNameFailed), in its 12.x and 13.x releases. */
    private static final String DRIVER_SAYS = "Failed to validate the server name";
    /** The only name the certificate carries (CN and DNS SAN). */
    private static final String CERTIFICATE_NAME = "db.example.test";

    @TempDir
    static Path dir;

    private static final List<AutoCloseable> SERVERS = new ArrayList<>();
    private static Path caStore;
    /** A certificate naming only {@link #CERTIFICATE_NAME}. */
    private static int otherNamePort;
    /** A certificate naming localhost and 127.0.0.1 (an IP-address SAN, which mssql-jdbc checks only from 13.4). */
    private static int ipSanPort;

    @BeforeAll
    static void servers() throws Exception {
        Openssl.assumeAvailable();
        PrivateCa ca = PrivateCa.create(dir, "tls-compat-it-ca");
        caStore = ca.trustStore(dir.resolve("ca.jks"));
        otherNamePort = relay(ca, ca.issue(CERTIFICATE_NAME, "DNS:" + CERTIFICATE_NAME, 365));
        ipSanPort = relay(ca, ca.issue("localhost", "DNS:localhost,IP:127.0.0.1", 365));
    }

    private static int relay(PrivateCa ca, OpenSslCertificate cert) throws Exception {
        OpenSslServer backend = OpenSslServer.start(cert, dir, "-cert_chain", ca.certificateFile().toString(),
                "-tls1_2");
        SERVERS.add(backend);
        Simulator sim = Simulator.start(SimulatorProfile.builder("openssl-relay").description("openssl behind TDS")
                .relayTo("127.0.0.1", backend.port()).build(), 0);
        SERVERS.add(sim);
        return sim.port();
    }

    @AfterAll
    static void stop() throws Exception {
        Collections.reverse(SERVERS);
        for (AutoCloseable s : SERVERS) {
            s.close();
        }
    }

    /** Runs the driver under the agent (probe off: the record alone must name the cause) and returns the record. */
    private static Map<String, Object> run(JdbcDriver driver, String host, int port, String options, Path log,
            List<ClientOutcome> outcome) throws Exception {
        // s_server never answers LOGIN7: a completed handshake ends with the login read timing out, so keep it short.
        String url = driver.url(port, "trustStore=" + caStore + ";loginTimeout=4" + options)
                .replace("//localhost:", "//" + host + ":");
        outcome.add(JdbcClient.with(driver).jvmArgs(AgentRecords.javaagent(log, "probe=false")).connect(url).single());
        return AgentRecords.read(log).get(0);
    }

    private static void assertHostNameRefusal(Map<String, Object> r, ClientOutcome o, String host,
            String certificateName) {
        assertThat(o.chainText()).as("the driver's own words").contains(DRIVER_SAYS).doesNotContain("PKIX");
        assertThat(r).as(o.toString()).containsEntry("outcome", "client-rejected")
                .containsEntry("phase", "certificate-received").containsEntry("peerHost", host);
        assertThat(diagnosis(r)).isEqualTo("certificate-hostname-mismatch");
        assertThat(remediation(r)).isEqualTo(String.format(FindingTexts.FIX_HOSTNAME_MISMATCH, host));
        assertThat(map(r, "peerCertificate")).containsEntry("subject", "CN=" + certificateName);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JdbcDriver.class, names = {"MSSQL_12_10", "MSSQL_13_6"})
    void aTrustedCertificateForAnotherNameIsClientRejectedHostnameMismatch(JdbcDriver driver) throws Exception {
        List<ClientOutcome> outcomes = new ArrayList<>();
        Map<String, Object> refused = run(driver, "localhost", otherNamePort, "", dir.resolve(driver.name()
                + "-refused.jsonl"), outcomes);
        assertHostNameRefusal(refused, outcomes.get(0), "localhost", CERTIFICATE_NAME);
        assertThat(Files.readString(dir.resolve(driver.name() + "-refused.jsonl"))).doesNotContain("not-a-secret");

        // The same chain and trust store, the driver told the certificate's name: the handshake completes.
        Map<String, Object> accepted = run(driver, "localhost", otherNamePort, ";hostNameInCertificate="
                + CERTIFICATE_NAME, dir.resolve(driver.name() + "-accepted.jsonl"), outcomes);
        assertThat(accepted).as(outcomes.get(1).toString()).containsEntry("outcome", "ok");
        assertThat(outcomes.get(1).chainText()).doesNotContain(DRIVER_SAYS).doesNotContain("PKIX");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JdbcDriver.class, names = {"MSSQL_12_10"})
    void anIpAddressSanIgnoredBefore13Dot4IsClientRejectedHostnameMismatch(JdbcDriver driver) throws Exception {
        List<ClientOutcome> outcomes = new ArrayList<>();
        Map<String, Object> r = run(driver, "127.0.0.1", ipSanPort, "", dir.resolve(driver.name() + "-ip.jsonl"),
                outcomes);
        assertHostNameRefusal(r, outcomes.get(0), "127.0.0.1", "localhost");
    }
}
