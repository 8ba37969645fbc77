package io.tlscompat.it.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.client.ClientDriver;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.JavaClientProfiles;
import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Evaluator;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.kb.KnowledgeBase;
import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.it.support.OpenSslCertificate;
import io.tlscompat.it.support.OpenSslServer;
import io.tlscompat.it.support.Openssl;
import io.tlscompat.it.support.PrivateCa;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The certificate cases of the invoker projects, proved with the real driver: openssl s_server (behind the relay)
 * sends a chain from a private CA made by openssl; for each URL the gate's prediction (from the probe) names the
 * expected code, and the real mssql-jdbc on the real JDK fails the handshake exactly when the prediction has an error,
 * with the driver's own words for it. s_server does not speak TDS, so a completed handshake shows as the driver's
 * LOGIN7 read timing out ("Read timed out", no TLS exception in the chain).
 */
class PrivateCaPredictionMatchesRealDriverIT {
    @TempDir
    static Path dir;

    /** What mssql-jdbc says when PKIX finds no trusted path. */
    private static final String PKIX = "PKIX path building failed";
    /** What mssql-jdbc says when its own host-name check fails (SQLServerCertificateUtils). */
    private static final String HOST_NAME = "Failed to validate the server name";

    private static final List<AutoCloseable> SERVERS = new ArrayList<>();
    private static Path caStore;
    private static Path otherStore;
    private static int trustedPort;
    private static int expiringPort;

    @BeforeAll
    static void servers() throws Exception {
        Openssl.assumeAvailable();
        PrivateCa ca = PrivateCa.create(dir, "tls-compat-it-ca");
        PrivateCa other = PrivateCa.create(dir, "another-ca");
        caStore = ca.trustStore(dir.resolve("ca.jks"));
        otherStore = other.trustStore(dir.resolve("other.jks"));
        trustedPort = relay(ca, ca.issue("localhost", "DNS:localhost,IP:127.0.0.1", 365));
        expiringPort = relay(ca, ca.issue("localhost", "DNS:localhost,IP:127.0.0.1", 10));
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

    /** Predicts with the gate's engine, runs the real driver, and checks both against the expected code. */
    private static void expect(JdbcDriver driver, String version, int port, String host, String options,
            FindingCode expected, Severity severity, String driverSays) throws Exception {
        String url = driver.url(port, options).replace("//localhost:", "//" + host + ":");
        ServerProfile server = new TdsProbe(ProbeSettings.builder().build()).probe(host, port);
        KnowledgeBase kb = KnowledgeBase.get();
        ClientProfile client = JavaClientProfiles.build(JdbcTarget.parse(url, "test"),
                new ClientDriver(kb.driver("mssql-jdbc"), "com.microsoft.sqlserver", "mssql-jdbc", version),
                JdkPolicies.running(), Collections.<String>emptyList(), null);
        Evaluation predicted = new Evaluator(Instant.now(), false).evaluate(host + ":" + port, client, server);
        List<FindingCode> codes = new ArrayList<>();
        boolean predictedOk = true;
        for (Finding f : predicted.findings()) {
            codes.add(f.code());
            predictedOk &= f.severity() != Severity.ERROR;
            if (f.code() == expected) {
                assertThat(f.severity()).as(url).isEqualTo(severity);
            }
        }
        assertThat(codes).as(url).isEqualTo(expected == null ? Collections.emptyList()
                : Collections.singletonList(expected));
        ClientOutcome actual = JdbcClient.with(driver).jdk(TestJdk.DEFAULT).connect(url).single();
        boolean handshakeCompleted = actual.isLoginFailed() || (actual.chainText().contains("Read timed out")
                && !actual.chainText().contains("SSL") && !actual.chainText().contains("PKIX"));
        assertThat(handshakeCompleted).as("%s: predicted %s, the driver said %s", url, codes, actual)
                .isEqualTo(predictedOk);
        if (driverSays != null) {
            assertThat(actual.chainText()).as(url).contains(driverSays);
        }
    }

    @Test
    void aPrivateCaFailsTheDefaultTrustStore() throws Exception {
        expect(JdbcDriver.MSSQL_13_6, "13.6.2.jre11", trustedPort, "localhost", "",
                FindingCode.CERTIFICATE_UNTRUSTED, Severity.ERROR, PKIX);
        expect(JdbcDriver.MSSQL_12_10, "12.10.2.jre11", trustedPort, "localhost", "",
                FindingCode.CERTIFICATE_UNTRUSTED, Severity.ERROR, PKIX);
    }

    @Test
    void aTrustStoreHoldingTheCaPasses() throws Exception {
        expect(JdbcDriver.MSSQL_13_6, "13.6.2.jre11", trustedPort, "localhost", "trustStore=" + caStore, null,
                null, null);
    }

    @Test
    void aTrustStoreHoldingAnotherCaFails() throws Exception {
        expect(JdbcDriver.MSSQL_13_6, "13.6.2.jre11", trustedPort, "localhost", "trustStore=" + otherStore,
                FindingCode.CERTIFICATE_UNTRUSTED, Severity.ERROR, PKIX);
    }

    @Test
    void aServerNamedByIpFailsWith12AndPassesWith13() throws Exception {
        expect(JdbcDriver.MSSQL_12_10, "12.10.2.jre11", trustedPort, "127.0.0.1", "trustStore=" + caStore,
                FindingCode.CERTIFICATE_HOSTNAME_MISMATCH, Severity.ERROR, HOST_NAME);
        expect(JdbcDriver.MSSQL_13_2, "13.2.1.jre11", trustedPort, "127.0.0.1", "trustStore=" + caStore,
                FindingCode.CERTIFICATE_HOSTNAME_MISMATCH, Severity.ERROR, HOST_NAME);
        expect(JdbcDriver.MSSQL_13_6, "13.6.2.jre11", trustedPort, "127.0.0.1", "trustStore=" + caStore, null,
                null, null);
    }

    @Test
    void aCertificateExpiringIn10DaysWarnsAndStillConnects() throws Exception {
        expect(JdbcDriver.MSSQL_13_6, "13.6.2.jre11", expiringPort, "localhost", "trustStore=" + caStore,
                FindingCode.CERTIFICATE_EXPIRING, Severity.WARNING, null);
        expect(JdbcDriver.MSSQL_13_6, "13.6.2.jre11", expiringPort, "localhost", "trustServerCertificate=true",
                FindingCode.CERTIFICATE_EXPIRING, Severity.INFO, null);
    }
}
