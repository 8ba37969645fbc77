package io.tlscompat.it.clients;

import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.ClientRun;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import io.tlscompat.simulator.SimulatorProfiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real JDBC drivers (mssql-jdbc 6.4, 9.4, 13.2 and jTDS 1.3.1), each in its own JVM on JDK 17 and Temurin 25,
 * against the simulator: they must get what a real SQL Server gives them. A successful handshake shows as SQL
 * Server's "Login failed for user" (the simulator refuses every login); the failures show as the JSSE/driver
 * messages below, the ones mssql-jdbc users report (issues #1127, #1552, #2311).
 */
class ClientsAgainstSimulatorIT {
    /** The JSSE text when the peer resets the TCP connection during the handshake (mssql-jdbc issue #1127). */
    static final String CONNECTION_RESET = "Connection reset";
    /** JDK 16+ against a TLS 1.0-only server (mssql-jdbc issues #1552, #2311). */
    static final String TLS10_REFUSED = "The server selected protocol version TLS10 is not accepted by client preferences";
    /** An untrusted self-signed certificate with certificate validation on (mssql-jdbc 10.2+ default). */
    static final String PKIX_FAILED = "PKIX path building failed";

    private static Simulator sql2019;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSharedSimulator() throws Exception {
        sql2019 = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0);
    }

    @AfterAll
    static void stopSharedSimulator() {
        if (sql2019 != null) {
            sql2019.close();
        }
    }

    static Stream<Arguments> everyDriverOnEveryJdk() {
        List<Arguments> out = new ArrayList<>();
        for (TestJdk jdk : TestJdk.values()) {
            for (JdbcDriver driver : JdbcDriver.values()) {
                out.add(Arguments.of(driver, jdk));
            }
        }
        return out.stream();
    }

    /** The options with which each driver does a TLS handshake and does not validate the self-signed certificate. */
    static String trustingTls(JdbcDriver driver) {
        if (driver == JdbcDriver.JTDS_1_3_1) {
            return "ssl=require";
        }
        // Before 10.2, encrypt=false still runs TLS for the LOGIN7 packet (mssql-jdbc IOBuffer.java, the
        // ENCRYPT_OFF path), so the default is enough.
        return driver.validatesByDefault() ? "encrypt=true;trustServerCertificate=true" : "";
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyDriverOnEveryJdk")
    void handshakeSucceedsThenLoginFails(JdbcDriver driver, TestJdk jdk) {
        jdk.assumePresent();
        ClientOutcome o = JdbcClient.with(driver).jdk(jdk).connect(driver.url(sql2019.port(), trustingTls(driver)))
                .single();
        assertThat(o.isLoginFailed()).as(o.toString()).isTrue();
        assertThat(o.message()).contains("Login failed for user 'tlscompat'");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyDriverOnEveryJdk")
    void tls10OnlyServerIsRefusedByTheClientsJdk(JdbcDriver driver, TestJdk jdk) throws Exception {
        jdk.assumePresent();
        // Only the JDKs that disabled TLS 1.0 (17 and 25 both do) fail here; the server answers TLS 1.0 politely.
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2008r2-rtm"), 0)) {
            ClientOutcome o = JdbcClient.with(driver).jdk(jdk).connect(driver.url(sim.port(), trustingTls(driver)))
                    .single();
            assertThat(o.outcome()).as(o.toString()).isEqualTo(ClientOutcome.EXCEPTION);
            assertThat(o.chainText()).contains(TLS10_REFUSED);
        }
    }

    static Stream<JdbcDriver> drivers() {
        return Stream.of(JdbcDriver.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void clientOfferingOnlyTls13IsResetLikeSchannelDoes(JdbcDriver driver) {
        // The mirror image: the client offers only a version the server lacks; Schannel resets, no alert.
        // (sslProtocol=TLSv1.3 would not do: SSLContext "TLSv1.3" still enables TLS 1.2, like fact 4 for TLSv1.2.
        // jdk.tls.client.protocols applies to the "TLS" context all four drivers use by default.)
        ClientOutcome o = JdbcClient.with(driver).jvmArgs("-Djdk.tls.client.protocols=TLSv1.3")
                .connect(driver.url(sql2019.port(), trustingTls(driver))).single();
        assertThat(o.outcome()).as(o.toString()).isEqualTo(ClientOutcome.EXCEPTION);
        assertThat(o.chainText()).contains(CONNECTION_RESET);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drivers")
    void noCommonCipherSuiteIsResetLikeSchannelDoes(JdbcDriver driver) {
        // The client's JDK may offer only ECDHE GCM suites; the 2012 R2 DHE-only server has none of them.
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("dhe-only-win2012r2"), 0)) {
            ClientOutcome o = JdbcClient.with(driver)
                    .jvmArgs("-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                    .connect(driver.url(sim.port(), trustingTls(driver))).single();
            assertThat(o.outcome()).as(o.toString()).isEqualTo(ClientOutcome.EXCEPTION);
            assertThat(o.chainText()).contains(CONNECTION_RESET);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tlscompat.it.clients.ClientsAgainstSimulatorIT#jdks")
    void rsaOnlyServerWorksOnJdk17ButIsResetOnJdk25(TestJdk jdk) throws Exception {
        jdk.assumePresent();
        // JDK 24 disabled TLS_RSA_* (JDK-8245545); 17.0.x still offers it: same driver, different outcome.
        JdbcDriver driver = JdbcDriver.MSSQL_13_2;
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("rsa-only-hardened"), 0)) {
            ClientOutcome o = JdbcClient.with(driver).jdk(jdk)
                    .connect(driver.url(sim.port(), "encrypt=true;trustServerCertificate=true")).single();
            if (jdkDisablesTlsRsa(jdk)) {
                assertThat(o.chainText()).as(o.toString()).contains(CONNECTION_RESET);
            } else {
                assertThat(o.isLoginFailed()).as(o.toString()).isTrue();
            }
        }
    }

    static Stream<TestJdk> jdks() {
        return Stream.of(TestJdk.values());
    }

    private static boolean jdkDisablesTlsRsa(TestJdk jdk) throws Exception {
        String security = new String(Files.readAllBytes(jdk.java().getParent().getParent()
                .resolve("conf/security/java.security")), StandardCharsets.ISO_8859_1);
        return security.contains("TLS_RSA_*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jdks")
    void currentDriverRejectsTheUntrustedSelfSignedCertificate(TestJdk jdk) {
        jdk.assumePresent();
        // 13.2 encrypts and validates by default (10.2 flipped encrypt to true): PKIX failure, as in the field.
        JdbcDriver driver = JdbcDriver.MSSQL_13_2;
        ClientOutcome o = JdbcClient.with(driver).jdk(jdk).connect(driver.url(sql2019.port(), "")).single();
        assertThat(o.outcome()).as(o.toString()).isEqualTo(ClientOutcome.EXCEPTION);
        assertThat(o.chainText()).contains(PKIX_FAILED);
    }

    @Test
    void md5SignedCertificateIsResetOnTls12() throws Exception {
        // Schannel will not use an MD5-signed certificate with TLS 1.2 and drops the handshake (scenario 3).
        JdbcDriver driver = JdbcDriver.JTDS_1_3_1;
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("md5-cert"), 0)) {
            ClientOutcome o = JdbcClient.with(driver).connect(driver.url(sim.port(), "ssl=require")).single();
            assertThat(o.outcome()).as(o.toString()).isEqualTo(ClientOutcome.EXCEPTION);
            assertThat(o.chainText()).contains(CONNECTION_RESET);
        }
    }

    @Test
    void strictClientLogsInToForceStrictServerWhenItPinsTheCertificate() throws Exception {
        JdbcDriver driver = JdbcDriver.MSSQL_13_2;
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2022-force-strict"), 0)) {
            Path pem = dir.resolve("server.pem");
            Files.write(pem, ("-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(sim.certificate().getEncoded())
                    + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII));
            ClientOutcome o = JdbcClient.with(driver)
                    .connect(driver.url(sim.port(), "encrypt=strict;serverCertificate=" + pem)).single();
            assertThat(o.isLoginFailed()).as(o.toString()).isTrue();
        }
    }

    @Test
    void tds7ClientIsTurnedAwayByForceStrictServer() throws Exception {
        JdbcDriver driver = JdbcDriver.MSSQL_13_2;
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2022-force-strict"), 0)) {
            ClientOutcome o = JdbcClient.with(driver)
                    .connect(driver.url(sim.port(), "encrypt=true;trustServerCertificate=true")).single();
            assertThat(o.outcome()).as(o.toString()).isEqualTo(ClientOutcome.EXCEPTION);
            assertThat(o.isLoginFailed()).isFalse();
        }
    }

    @Test
    void dheLeadingZeroBugFailsEveryHandshakeWhenForced() throws Exception {
        // DheBug.ALWAYS: the deterministic form of KB4557473, so the failure mode itself is pinned down.
        SimulatorProfile profile = SimulatorProfiles.named("dhe-only-win2012r2").toBuilder().name("dhe-always")
                .dheBug(io.tlscompat.simulator.DheBug.ALWAYS).build();
        JdbcDriver driver = JdbcDriver.JTDS_1_3_1;
        try (Simulator sim = Simulator.start(profile, 0)) {
            ClientRun run = JdbcClient.with(driver).repeat(3).connect(driver.url(sim.port(), "ssl=require"));
            assertThat(run.failures()).as(run.toString()).hasSize(3);
        }
    }
}
