package io.tlscompat.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.client.ClientDriver;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.JavaClientProfiles;
import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.client.JdkPolicies;
import io.tlscompat.core.client.JdkTlsPolicy;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Evaluator;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.kb.KnowledgeBase;
import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.HardenedDhScenario;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcClientMain;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.it.support.OpenSslCertificate;
import io.tlscompat.it.support.OpenSslServer;
import io.tlscompat.it.support.Openssl;
import io.tlscompat.it.support.PrivateCa;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.DheBug;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import io.tlscompat.simulator.SimulatorProfiles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One engine, two products: for every simulator profile and every OpenSSL scenario the other ITs and the invoker
 * projects use, and for several client stacks, the real driver runs under {@code -javaagent} (probe on) and the
 * gate's own engine (core {@link Evaluator} on {@link JavaClientProfiles#build} and a {@link TdsProbe} profile of
 * the same server, as {@code VerifyMojo} calls them) judges the same stack. When the driver fails the handshake, the
 * agent's diagnosis code must be the gate's first error code; when it completes the handshake, the gate must have no
 * error. The table of every row is printed, matching or not.
 *
 * <p>The driver decides what was observed: against the simulator a completed handshake shows as "Login failed";
 * {@code openssl s_server} does not speak TDS, so there it shows as the login read timing out with no TLS exception
 * in the chain. The simulator's {@code dhe-only-win2012r2} runs with its leading-zero bug off: the bug fails one
 * handshake in many at random, which the gate reports as a warning, not as an outcome of one connection.
 */
class AgentGateParityIT {
    /**
     * mssql-jdbc's options behind OpenSSL, where a completed handshake always ends in a failed login: short login and
     * read timeouts (12.10 otherwise waits about 20 s for s_server's answer to LOGIN7), and no second connection
     * (12.x retries once after 10 s by default). None of them changes the TLS the driver offers.
     */
    private static final String OPENSSL_MSSQL_OPTIONS = "loginTimeout=3;socketTimeout=3000;connectRetryCount=0";
    /** Client JVMs at once: each scenario's rows run one after the other (s_server serves one connection at a time). */
    private static final int PARALLEL_SCENARIOS = 3;

    @TempDir
    Path dir;

    /** A real client stack: the driver jar, the version the gate is told, the JDK, URL options and JVM options. */
    private record Stack(String label, JdbcDriver driver, String version, TestJdk jdk, String options,
            List<String> jvmOptions) {
        static Stack mssql(JdbcDriver driver, String version, String options) {
            return new Stack(driver + (options.isEmpty() ? " (defaults)" : " " + options), driver, version,
                    TestJdk.DEFAULT, options, List.of());
        }

        Stack on(TestJdk other) {
            return new Stack(label + " on " + other, driver, version, other, options, jvmOptions);
        }

        Stack withJvmOptions(String what, String... options) {
            return new Stack(label + " " + what, driver, version, jdk, this.options, List.of(options));
        }

        String kbId() {
            return driver.isMicrosoft() ? "mssql-jdbc" : "jtds";
        }

        String group() {
            return driver.isMicrosoft() ? "com.microsoft.sqlserver" : "net.sourceforge.jtds";
        }
    }

    /** Starts a scenario's server and returns the TDS port the clients connect to. */
    private interface Server {
        int start(Path dir, List<AutoCloseable> started) throws Exception;
    }

    /** One server posture, the host name the clients use for it, and the stacks that connect to it. */
    private record Scenario(String name, boolean openssl, Server server, String host, List<Stack> stacks) {
    }

    /** One (scenario, stack) result. */
    private record Row(String scenario, String stack, String gateCode, String gateErrors, String agentCode,
            String agentOutcome, boolean handshake, String driverSaid, long millis) {
        boolean matches() {
            return handshake ? gateCode == null : gateCode != null && gateCode.equals(agentCode);
        }
    }

    private static final Stack MSSQL_13_TRUSTING = Stack.mssql(JdbcDriver.MSSQL_13_6, "13.6.2.jre11",
            "encrypt=true;trustServerCertificate=true");
    private static final Stack MSSQL_12_TRUSTING = Stack.mssql(JdbcDriver.MSSQL_12_10, "12.10.2.jre11",
            "encrypt=true;trustServerCertificate=true");
    private static final Stack MSSQL_13_DEFAULTS = Stack.mssql(JdbcDriver.MSSQL_13_6, "13.6.2.jre11", "");
    private static final Stack MSSQL_12_DEFAULTS = Stack.mssql(JdbcDriver.MSSQL_12_10, "12.10.2.jre11", "");
    /**
     * The simulator profiles also judged with mssql-jdbc's validating defaults (the self-signed certificate is then
     * untrusted): where another error competes with certificate-untrusted, the first error must still agree.
     */
    private static final List<String> VALIDATING_DEFAULTS_ON = List.of("sql2008r2-rtm", "sql2019-win2019",
            "sql2022-force-strict", "md5-cert", "no-encryption");
    private static final Stack JTDS_REQUIRE = new Stack("jTDS 1.3.1 ssl=require", JdbcDriver.JTDS_1_3_1, "1.3.1",
            TestJdk.DEFAULT, "ssl=require", List.of());

    private static Server simulator(SimulatorProfile profile) {
        return (dir, started) -> {
            Simulator sim = Simulator.start(profile, 0);
            started.add(sim);
            return sim.port();
        };
    }

    /** {@code openssl s_server} with a fresh certificate behind the simulator's relay, as InvokerScenario does. */
    private static Server openssl(String cn, int keyBits, String digest, String... options) {
        return (dir, started) -> relay(OpenSslCertificate.rsa(dir, cn, keyBits, digest), dir, started, options);
    }

    private static int relay(OpenSslCertificate cert, Path dir, List<AutoCloseable> started, String... options)
            throws Exception {
        OpenSslServer backend = OpenSslServer.start(cert, dir, options);
        started.add(backend);
        Simulator sim = Simulator.start(SimulatorProfile.builder("openssl-relay").description("openssl behind TDS")
                .relayTo("127.0.0.1", backend.port()).relayResetOnBackendFailure(true).build(), 0);
        started.add(sim);
        return sim.port();
    }

    /** The scenarios: every simulator profile, the hardened-DH policy, and the OpenSSL servers of the ITs. */
    private List<Scenario> scenarios() throws Exception {
        List<Scenario> simulated = new ArrayList<>();
        // OpenSSL's scenarios first: their completed handshakes wait for the login timeout, so they run longest.
        List<Scenario> out = new ArrayList<>();
        for (String name : SimulatorProfiles.names()) {
            List<Stack> simStacks = new ArrayList<>(List.of(MSSQL_13_TRUSTING, MSSQL_12_TRUSTING, JTDS_REQUIRE));
            if (VALIDATING_DEFAULTS_ON.contains(name)) {
                simStacks.add(MSSQL_13_DEFAULTS);
            }
            SimulatorProfile p = SimulatorProfiles.named(name);
            if (name.equals("dhe-only-win2012r2")) {
                p = p.toBuilder().dheBug(DheBug.NEVER).build();
                name = name + " (bug off)";
            }
            simulated.add(new Scenario("simulator " + name, false, simulator(p), "localhost", simStacks));
        }
        Path policy = HardenedDhScenario.writePolicy(dir);
        simulated.add(new Scenario("simulator dhe1024, hardened client policy", false,
                simulator(HardenedDhScenario.server()), "localhost", List.of(
                        MSSQL_13_TRUSTING.withJvmOptions("(DH keySize < 2048)", "-Djava.security.properties=" + policy),
                        MSSQL_13_TRUSTING)));
        if (!Openssl.isAvailable()) {
            return simulated;
        }
        List<Stack> tls = List.of(MSSQL_13_TRUSTING, MSSQL_12_TRUSTING);
        // The invoker projects' openssl-* and tls13-* servers (InvokerScenario.opensslRelay)
        out.add(new Scenario("openssl self-signed, TLS 1.2 ECDHE", true, openssl("self.example.test", 2048, "sha256",
                "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"), "localhost",
                List.of(MSSQL_13_DEFAULTS, MSSQL_12_DEFAULTS, MSSQL_13_TRUSTING)));
        List<Stack> rsaStacks = new ArrayList<>(tls);
        if (TestJdk.TEMURIN_25.isPresent()) {
            rsaStacks.add(MSSQL_13_TRUSTING.on(TestJdk.TEMURIN_25));
        }
        out.add(new Scenario("openssl TLS_RSA only (AES256-GCM-SHA384, AES128-SHA)", true, openssl("rsa.example.test",
                2048, "sha256", "-tls1_2", "-cipher", "AES256-GCM-SHA384:AES128-SHA:@SECLEVEL=0"), "localhost",
                rsaStacks));
        out.add(new Scenario("openssl DHE only", true, openssl("dhe.example.test", 2048, "sha256", "-tls1_2",
                "-cipher", "DHE-RSA-AES256-GCM-SHA384"), "localhost", tls));
        out.add(new Scenario("openssl TLS 1.0 only", true, openssl("legacy.example.test", 2048, "sha256", "-tls1",
                "-cipher", "AES128-SHA:@SECLEVEL=0"), "localhost", tls));
        out.add(new Scenario("openssl MD5-signed certificate", true, openssl("md5.example.test", 2048, "md5",
                "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256:@SECLEVEL=0"), "localhost",
                List.of(MSSQL_13_TRUSTING, MSSQL_12_TRUSTING, JTDS_REQUIRE)));
        out.add(new Scenario("openssl GCM-only ECDHE (Windows 2012 R2 clients fail)", true, openssl("gcm.example.test",
                2048, "sha256", "-tls1_2", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256"),
                "localhost", tls));
        Server tls13 = openssl("modern.example.test", 2048, "sha256", "-cipher", "ECDHE-RSA-AES256-GCM-SHA384",
                "-ciphersuites", "TLS_AES_256_GCM_SHA384");
        out.add(new Scenario("openssl TLS 1.3 allowed", true, tls13, "localhost", List.of(MSSQL_13_TRUSTING,
                MSSQL_12_TRUSTING, Stack.mssql(JdbcDriver.MSSQL_13_6, "13.6.2.jre11",
                        "encrypt=true;trustServerCertificate=true;sslProtocol=TLSv1.2"))));
        // ProbeAgainstOpenSslRelayIT's, ClientsAgainstOpenSslRelayIT's and AgentAgainstOpenSslIT's servers
        out.add(new Scenario("openssl TLS 1.0, SHA-1 1024-bit certificate", true, openssl("legacy.example.test", 1024,
                "sha1", "-tls1", "-cipher", "ALL:@SECLEVEL=0"), "localhost", tls));
        out.add(new Scenario("openssl TLS 1.2+, SHA-384, server preference", true, openssl("strict.example.test", 2048,
                "sha384", "-no_tls1", "-no_tls1_1", "-serverpref", "-cipher",
                "ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256"), "localhost", tls));
        out.add(new Scenario("openssl TLS 1.2 AES-CBC RSA only", true, openssl("rsa-only.example.test", 2048,
                "sha256", "-tls1_2", "-cipher", "AES128-SHA:AES256-SHA"), "localhost", tls));
        out.add(new Scenario("openssl AES256-SHA256 only, client offers one ECDHE suite", true,
                openssl("openssl.example.test", 2048, "sha256", "-tls1_2", "-cipher", "AES256-SHA256"), "localhost",
                List.of(MSSQL_13_TRUSTING.withJvmOptions("(cipherSuites=ECDHE-AES128-GCM)",
                        "-Djdk.tls.client.cipherSuites=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"))));
        // The private CA of PrivateCaPredictionMatchesRealDriverIT and the openssl-private-ca-* invoker projects
        PrivateCa ca = PrivateCa.create(dir.resolve("ca"), "tls-compat-it-ca");
        PrivateCa other = PrivateCa.create(dir.resolve("ca"), "another-ca");
        Path caStore = ca.trustStore(dir.resolve("ca.jks"));
        Path otherStore = other.trustStore(dir.resolve("other.jks"));
        // Issued here, one after the other: PrivateCa writes its files under fixed names, and scenarios run in parallel.
        OpenSslCertificate localhost = ca.issue("localhost", "DNS:localhost,IP:127.0.0.1", 365);
        OpenSslCertificate otherName = ca.issue("db.example.test", "DNS:db.example.test", 365);
        OpenSslCertificate expiring = ca.issue("localhost", "DNS:localhost,IP:127.0.0.1", 10);
        String chain = ca.certificateFile().toString();
        Server privateCa = (d, started) -> relay(localhost, d, started, "-cert_chain", chain, "-tls1_2");
        Stack trusted13 = Stack.mssql(JdbcDriver.MSSQL_13_6, "13.6.2.jre11", "trustStore=" + caStore);
        Stack trusted12 = Stack.mssql(JdbcDriver.MSSQL_12_10, "12.10.2.jre11", "trustStore=" + caStore);
        out.add(new Scenario("openssl private CA chain", true, privateCa, "localhost", List.of(MSSQL_13_DEFAULTS,
                MSSQL_12_DEFAULTS, trusted13, trusted12,
                Stack.mssql(JdbcDriver.MSSQL_13_6, "13.6.2.jre11", "trustStore=" + otherStore))));
        out.add(new Scenario("openssl private CA chain, server named by IP", true, privateCa, "127.0.0.1",
                List.of(trusted13, trusted12)));
        out.add(new Scenario("openssl private CA chain, certificate for another name", true,
                (d, started) -> relay(otherName, d, started, "-cert_chain", chain, "-tls1_2"), "localhost",
                List.of(trusted13, trusted12)));
        out.add(new Scenario("openssl private CA chain, expiring in 10 days", true,
                (d, started) -> relay(expiring, d, started, "-cert_chain", chain, "-tls1_2"), "localhost",
                List.of(trusted13)));
        out.addAll(simulated);
        return out;
    }

    @Test
    void theAgentsDiagnosisIsTheGatesErrorForEveryFailingStack() throws Exception {
        List<Scenario> scenarios = scenarios();
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_SCENARIOS);
        List<Future<List<Row>>> futures = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            Path work = Files.createDirectories(dir.resolve("scenario-" + i));
            futures.add(pool.submit(() -> run(s, work)));
        }
        List<Row> rows = new ArrayList<>();
        try {
            for (Future<List<Row>> f : futures) {
                rows.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        String table = table(rows);
        System.out.println(table);
        List<String> mismatches = new ArrayList<>();
        for (Row r : rows) {
            if (!r.matches()) {
                mismatches.add(r.scenario() + " / " + r.stack() + ": gate " + r.gateErrors() + ", agent "
                        + r.agentCode() + " (" + r.agentOutcome() + "), driver "
                        + (r.handshake() ? "completed the handshake" : "failed: " + r.driverSaid()));
            }
        }
        assertThat(mismatches).as("rows where the agent and the gate disagree\n" + table).isEmpty();
    }

    private List<Row> run(Scenario s, Path work) throws Exception {
        List<AutoCloseable> started = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try {
            int port = s.server().start(work, started);
            ServerProfile server = new TdsProbe(ProbeSettings.builder().build()).probe(s.host(), port);
            int n = 0;
            for (Stack stack : s.stacks()) {
                rows.add(row(s, stack, port, server, work.resolve("records-" + n++ + ".jsonl")));
            }
        } finally {
            Collections.reverse(started);
            for (AutoCloseable c : started) {
                c.close();
            }
        }
        return rows;
    }

    private Row row(Scenario s, Stack stack, int port, ServerProfile server, Path log) throws Exception {
        long start = System.nanoTime();
        String options = stack.options();
        if (s.openssl() && stack.driver().isMicrosoft()) {
            options = options.isEmpty() ? OPENSSL_MSSQL_OPTIONS : options + ";" + OPENSSL_MSSQL_OPTIONS;
        }
        String url = stack.driver().url(port, options).replace("//localhost:", "//" + s.host() + ":");

        // The gate: the same calls VerifyMojo makes, for the same driver, JDK, JVM options and URL.
        KnowledgeBase kb = KnowledgeBase.get();
        File javaHome = stack.jdk().java().getParent().getParent().toFile();
        JdkTlsPolicy jdk = stack.jdk() == TestJdk.DEFAULT && stack.jvmOptions().isEmpty() ? JdkPolicies.running()
                : JdkPolicies.fork(javaHome, stack.jvmOptions(), 30_000);
        ClientProfile client = JavaClientProfiles.build(JdbcTarget.parse(url, "test"),
                new ClientDriver(kb.driver(stack.kbId()), stack.group(), stack.kbId(), stack.version()), jdk,
                stack.jvmOptions(), stack.jdk() == TestJdk.DEFAULT ? null : javaHome);
        Evaluation gate = new Evaluator(Instant.now(), false).evaluate(s.host() + ":" + port, client, server);
        String gateCode = null;
        List<String> errors = new ArrayList<>();
        for (Finding f : gate.findings()) {
            if (f.severity() == Severity.ERROR) {
                errors.add(f.code().code());
                if (gateCode == null) {
                    gateCode = f.code().code();
                }
            }
        }

        // The agent: the real driver under -javaagent, the probe on as by default.
        List<String> jvmArgs = new ArrayList<>(stack.jvmOptions());
        // The client waits (up to 30 s) for the agent's record before it exits: on a loaded machine the agent's own
        // bounded drain at exit can lose the race, and a missing record would read as a missing diagnosis.
        jvmArgs.add("-D" + JdbcClientMain.AWAIT_AGENT_RECORDS + "=1");
        jvmArgs.add(AgentRecords.javaagent(log, "probe=true"));
        ClientOutcome o = JdbcClient.with(stack.driver()).jdk(stack.jdk()).jvmArgs(jvmArgs.toArray(new String[0]))
                .connect(url).single();
        String chain = o.chainText();
        boolean handshake = o.isLoginFailed() || (s.openssl() && afterTheHandshake(chain));
        Map<String, Object> record = firstFailureOrFirst(AgentRecords.read(log));
        return new Row(s.name(), stack.label(), gateCode, errors.toString(),
                record == null ? null : AgentRecords.diagnosis(record),
                record == null ? "no record" : (String) record.get("outcome"), handshake,
                o.isLoginFailed() ? "login failed" : String.valueOf(o.message()),
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Whether a driver's failure behind {@code s_server} came after a completed handshake: s_server answers LOGIN7
     * with nothing (13.6: the login read times out) or closes (12.10: "did not return a response"), and the chain
     * names no TLS failure (mssql-jdbc wraps every TLS failure in its "Secure Sockets Layer (SSL)" message).
     */
    static boolean afterTheHandshake(String chain) {
        return (chain.contains("Read timed out") || chain.contains("did not return a response"))
                && !chain.contains("SSL") && !chain.contains("PKIX");
    }

    private static Map<String, Object> firstFailureOrFirst(List<Map<String, Object>> records) {
        for (Map<String, Object> r : records) {
            if (!"ok".equals(r.get("outcome"))) {
                return r;
            }
        }
        return records.isEmpty() ? null : records.get(0);
    }

    private static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder("\n| scenario | client | gate code | agent code | agent outcome | observed"
                + " | parity | ms |\n|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            sb.append("| ").append(r.scenario()).append(" | ").append(r.stack()).append(" | ")
                    .append(r.gateCode() == null ? "-" : r.gateCode()).append(" | ")
                    .append(r.agentCode() == null ? "-" : r.agentCode()).append(" | ").append(r.agentOutcome())
                    .append(" | ").append(r.handshake() ? "handshake" : "failed").append(" | ")
                    .append(r.matches() ? "ok" : "MISMATCH").append(" | ").append(r.millis()).append(" |\n");
        }
        return sb.toString();
    }
}
