package io.tlscompat.it.invoker;

import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.it.support.OpenSslCertificate;
import io.tlscompat.it.support.OpenSslServer;
import io.tlscompat.it.support.Openssl;
import io.tlscompat.it.support.TestJdk;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfile;
import io.tlscompat.simulator.SimulatorProfiles;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the invoker projects under {@code it/src/it} call from their {@code prebuild.groovy} and {@code verify.groovy}
 * (maven-invoker-plugin puts this module's test class path on the scripts' class path). The pre-build hook starts
 * the server the scenario needs in the invoker's JVM and hands its port to the nested Maven as {@code -Dsim.port}
 * through the cloned project's {@code .mvn/maven.config}; the post-build hook asserts the log and stops the server.
 * Servers live in the invoker's {@code context} map, which Maven Invoker shares between one project's two hooks.
 * The starting methods return nothing because Maven Invoker treats any value a pre-build script returns, other than
 * true or null, as a failure.
 */
public final class InvokerScenario {
    /** The {@code -Dsim.port} the project's pom uses in its target URL. */
    public static final String PORT_PROPERTY = "sim.port";
    /** The prefix of Maven's line for a failed goal of the gate, for project %s. */
    public static final String FAILURE_PREFIX = "[ERROR] Failed to execute goal io.tlscompat:tls-compat-maven-plugin:"
            + "%s:verify (default-cli) on project %s: ";
    private static final String SERVERS = "tls-compat.servers";
    /** The gate's option for the SQL Server Browser's UDP port. */
    private static final String BROWSER_PORT_PROPERTY = "tls-compat.browserPort";
    private static final String TARGET = "tls-compat.target";

    private InvokerScenario() {
    }

    /** Starts a named simulator profile for this project. */
    public static void simulator(File basedir, Map<String, Object> context, String profile,
            String... mavenOptions) throws IOException {
        simulator(basedir, context, SimulatorProfiles.named(profile), mavenOptions);
    }

    /** Starts a simulator profile (e.g. a named one changed through {@code toBuilder()}) for this project. */
    public static void simulator(File basedir, Map<String, Object> context, SimulatorProfile profile,
            String... mavenOptions) throws IOException {
        Simulator sim = Simulator.start(profile, 0);
        keep(context, sim);
        handOver(basedir, context, sim.port(), mavenOptions);
    }

    /** The property naming the trust store {@link #simulatorTrusted} writes, for the project's URL. */
    public static final String TRUSTSTORE_PROPERTY = "sim.truststore";

    /**
     * Starts a simulator profile and writes {@code basedir/truststore.jks} holding its certificate, handed over as
     * {@code -Dsim.truststore=<path>}: a trust store the real driver accepts, for scenarios that are about
     * something other than trust.
     */
    public static void simulatorTrusted(File basedir, Map<String, Object> context, SimulatorProfile profile)
            throws Exception {
        Simulator sim = Simulator.start(profile, 0);
        keep(context, sim);
        File store = new File(basedir, "truststore.jks");
        java.security.KeyStore ks = java.security.KeyStore.getInstance("JKS");
        ks.load(null, null);
        ks.setCertificateEntry("simulator", sim.certificate());
        try (java.io.OutputStream out = Files.newOutputStream(store.toPath())) {
            ks.store(out, "changeit".toCharArray());
        }
        handOver(basedir, context, sim.port(), new String[] {"-D" + TRUSTSTORE_PROPERTY + "=" + store});
    }

    /** {@link #simulatorTrusted(File, Map, SimulatorProfile)} for a named profile. */
    public static void simulatorTrusted(File basedir, Map<String, Object> context, String profile) throws Exception {
        simulatorTrusted(basedir, context, SimulatorProfiles.named(profile));
    }

    /**
     * Starts a simulator whose SQL Server Browser answers for {@code instance} on an ephemeral UDP port, handed to
     * the nested Maven as {@code -Dtls-compat.browserPort} (the gate's rehearsal option; the drivers ask 1434).
     */
    public static void simulatorWithBrowser(File basedir, Map<String, Object> context, String profile,
            String instance) throws IOException {
        Simulator sim = Simulator.start(SimulatorProfiles.named(profile), 0);
        keep(context, sim);
        int udp = sim.answerBrowser(instance, 0);
        handOver(basedir, context, sim.port(), new String[] {"-D" + BROWSER_PORT_PROPERTY + "=" + udp});
        context.put(BROWSER_PORT_PROPERTY, udp);
    }

    /** A SQL Server Browser that never answers: a bound UDP port that reads nothing, and no TCP server. */
    public static void silentBrowser(File basedir, Map<String, Object> context) throws IOException {
        DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        keep(context, silent);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        handOver(basedir, context, port, new String[] {"-D" + BROWSER_PORT_PROPERTY + "=" + silent.getLocalPort()});
        context.put(BROWSER_PORT_PROPERTY, silent.getLocalPort());
    }

    /** The Browser's UDP port of {@link #simulatorWithBrowser} or {@link #silentBrowser}. */
    public static int browserPort(Map<String, Object> context) {
        return (Integer) context.get(BROWSER_PORT_PROPERTY);
    }

    /**
     * Starts {@code openssl s_server} with a fresh 2048-bit RSA certificate for {@code cn} signed with {@code digest}
     * (e.g. sha256, md5) and the simulator in relay mode in front of it, so the TLS server of the scenario is OpenSSL.
     */
    public static void opensslRelay(File basedir, Map<String, Object> context, String cn, String digest,
            String... opensslOptions) throws IOException {
        Path work = basedir.toPath().resolve("openssl");
        Files.createDirectories(work);
        OpenSslCertificate cert = OpenSslCertificate.rsa(work, cn, 2048, digest);
        OpenSslServer backend = OpenSslServer.start(cert, work, opensslOptions);
        keep(context, backend);
        Simulator sim = Simulator.start(SimulatorProfile.builder("openssl-relay")
                .description("openssl s_server behind TDS").relayTo("127.0.0.1", backend.port()).build(), 0);
        keep(context, sim);
        handOver(basedir, context, sim.port(), new String[0]);
    }

    /** The property naming a trust store that holds another CA than the one that issued the server's chain. */
    public static final String OTHER_TRUSTSTORE_PROPERTY = "sim.otherTruststore";

    /**
     * The enterprise set-up: a private CA made by openssl issues the server certificate ({@code CN=localhost},
     * {@code DNS:localhost,IP:127.0.0.1}, valid {@code days} days), {@code openssl s_server} sends leaf and CA
     * behind the relay, and two JKS trust stores are handed over: {@code -Dsim.truststore} (that CA) and
     * {@code -Dsim.otherTruststore} (another CA).
     */
    public static void opensslPrivateCaRelay(File basedir, Map<String, Object> context, int days) throws IOException {
        Path work = basedir.toPath().resolve("openssl");
        io.tlscompat.it.support.PrivateCa ca = io.tlscompat.it.support.PrivateCa.create(work, "tls-compat-it-ca");
        io.tlscompat.it.support.PrivateCa other = io.tlscompat.it.support.PrivateCa.create(work, "another-ca");
        OpenSslCertificate cert = ca.issue("localhost", "DNS:localhost,IP:127.0.0.1", days);
        Path store = ca.trustStore(work.resolve("ca-truststore.jks"));
        Path otherStore = other.trustStore(work.resolve("other-truststore.jks"));
        OpenSslServer backend = OpenSslServer.start(cert, work, "-cert_chain", ca.certificateFile().toString(),
                "-tls1_2");
        keep(context, backend);
        Simulator sim = Simulator.start(SimulatorProfile.builder("openssl-relay")
                .description("openssl s_server behind TDS").relayTo("127.0.0.1", backend.port()).build(), 0);
        keep(context, sim);
        handOver(basedir, context, sim.port(), new String[] {"-D" + TRUSTSTORE_PROPERTY + "=" + store,
                "-D" + OTHER_TRUSTSTORE_PROPERTY + "=" + otherStore});
    }

    /**
     * Offline mode: probes a simulator profile with the core probe, saves the {@code probe --json} profile as
     * {@code basedir/fileName}, stops the simulator, and hands over a port nothing listens on.
     */
    public static void savedProfile(File basedir, Map<String, Object> context, String profile, String fileName)
            throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named(profile), 0)) {
            ServerProfile probed = new TdsProbe(ProbeSettings.builder().build()).probe("localhost", sim.port());
            Files.write(basedir.toPath().resolve(fileName), probed.toJsonText().getBytes(StandardCharsets.UTF_8));
        }
        nothingListening(basedir, context);
    }

    /** No server at all: a free port nothing listens on. */
    public static void nothingListening(File basedir, Map<String, Object> context) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        handOver(basedir, context, port, new String[0]);
    }

    /**
     * A second simulator for the same project (e.g. another module or profile), after {@link #simulator}: its port
     * goes to the nested Maven as {@code -D<property>=N}, and {@link #stop} stops it too.
     */
    public static void anotherSimulator(File basedir, Map<String, Object> context, String profile, String property)
            throws IOException {
        Simulator sim = Simulator.start(SimulatorProfiles.named(profile), 0);
        keep(context, sim);
        context.put(property, "localhost:" + sim.port());
        mavenOption(basedir, "-D" + property + "=" + sim.port());
    }

    /** Every report file the nested build wrote under {@code dir} and its log, for checks such as "no secret". */
    public static List<Path> reportsAndLog(File basedir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (java.util.stream.Stream<Path> s = Files.walk(basedir.toPath())) {
            s.filter(p -> Files.isRegularFile(p) && (p.toString().contains("tls-compat" + File.separator)
                    || p.getFileName().toString().equals("build.log"))).forEach(out::add);
        }
        return out;
    }

    /** One more option for the nested Maven, after the server's port was handed over. */
    public static void mavenOption(File basedir, String option) throws IOException {
        Files.write(basedir.toPath().resolve(".mvn/maven.config"), Collections.singletonList(option),
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Stops every server this project started; called from a {@code finally} in verify.groovy. */
    @SuppressWarnings("unchecked")
    public static void stop(Map<String, Object> context) {
        List<AutoCloseable> servers = (List<AutoCloseable>) context.remove(SERVERS);
        if (servers == null) {
            return;
        }
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).close();
            } catch (Exception ignored) {
                // the next server must still be stopped
            }
        }
    }

    /**
     * The first simulator's counters, {@code [completed handshakes, LOGIN7 answered]}: in the default
     * {@code handshake} rehearsal mode a reachable target shows {@code [1, 0]} (the probe completes no handshake).
     */
    @SuppressWarnings("unchecked")
    public static List<Integer> handshakesAndLogins(Map<String, Object> context) {
        for (AutoCloseable s : (List<AutoCloseable>) context.get(SERVERS)) {
            if (s instanceof Simulator) {
                return Arrays.asList(((Simulator) s).handshakeCount(), ((Simulator) s).loginCount());
            }
        }
        throw new IllegalStateException("this project started no simulator");
    }

    /**
     * What the gate's rehearsals did to this project's simulators, checked against every {@code report.json} the
     * build wrote (a reactor writes one per module): a simulator completed exactly as many TLS handshakes as the
     * rehearsals recorded successful ones for its port (the probe completes none, a failed rehearsal none), and in
     * {@code handshake} mode it answered no LOGIN7 at all. Called by every verify script at the end of its checks;
     * a project without a simulator (OpenSSL behind the relay, configuration errors) has nothing to count.
     */
    @SuppressWarnings("unchecked")
    public static void assertRehearsalsSentNoLogin(File basedir, Map<String, Object> context) throws IOException {
        List<Simulator> sims = new ArrayList<>();
        List<AutoCloseable> servers = (List<AutoCloseable>) context.get(SERVERS);
        for (AutoCloseable s : servers == null ? Collections.<AutoCloseable>emptyList() : servers) {
            // a relay passes TLS through to OpenSSL: the handshake and anything after it are not its to count
            if (s instanceof Simulator && ((Simulator) s).profile().relayHost() == null) {
                sims.add((Simulator) s);
            }
        }
        if (sims.isEmpty()) {
            return;
        }
        Map<Integer, Integer> okRehearsals = new java.util.HashMap<>();
        boolean loginMode = false;
        List<Path> reports;
        try (java.util.stream.Stream<Path> walk = Files.walk(basedir.toPath())) {
            reports = walk.filter(f -> f.endsWith(Paths.get("target", "tls-compat", "report.json")))
                    .collect(java.util.stream.Collectors.toList());
        }
        for (Path r : reports) {
            Map<String, Object> json = io.tlscompat.core.json.Json.parseObject(
                    new String(Files.readAllBytes(r), StandardCharsets.UTF_8));
            List<Object> rehearsals = (List<Object>) json.get("rehearsals");
            for (Object o : rehearsals == null ? Collections.emptyList() : rehearsals) {
                Map<String, Object> e = (Map<String, Object>) o;
                loginMode |= "login".equals(e.get("mode"));
                String target = String.valueOf(e.get("target"));
                int port = Integer.parseInt(target.substring(target.lastIndexOf(':') + 1));
                Map<String, Object> record = (Map<String, Object>) e.get("agentRecord");
                int ok = record != null && "ok".equals(record.get("outcome")) ? 1 : 0;
                okRehearsals.merge(port, ok, Integer::sum);
            }
        }
        for (Simulator sim : sims) {
            int expected = okRehearsals.getOrDefault(sim.port(), 0);
            if (sim.handshakeCount() != expected) {
                throw new AssertionError("simulator on port " + sim.port() + " completed " + sim.handshakeCount()
                        + " TLS handshake(s); the rehearsals in " + reports + " recorded " + expected
                        + " successful one(s)");
            }
            if (!loginMode && sim.loginCount() != 0) {
                throw new AssertionError("simulator on port " + sim.port() + " answered " + sim.loginCount()
                        + " LOGIN7 message(s) in handshake rehearsal mode; expected none");
            }
        }
    }

    /** {@code localhost:<port>}, the target as the gate names it. */
    public static String target(Map<String, Object> context) {
        return (String) context.get(TARGET);
    }

    /** The nested build's log. */
    public static String buildLog(File basedir) throws IOException {
        return new String(Files.readAllBytes(basedir.toPath().resolve("build.log")), StandardCharsets.UTF_8);
    }

    /** A report file of the nested build. */
    public static String report(File basedir, String name) throws IOException {
        return new String(Files.readAllBytes(reportDir(basedir).toPath().resolve(name)), StandardCharsets.UTF_8);
    }

    /** The exact message of a build failed by findings, as Maven prints it. */
    public static String violation(File basedir, String project, String pluginVersion, int count, String failOn,
            String codes) {
        String report = reportDir(basedir).getPath();
        return String.format(FAILURE_PREFIX, pluginVersion, project) + "tls-compat:verify found " + count
                + " finding(s) at or above '" + failOn + "': " + codes + ". Read " + report + "/summary.md (fixes)"
                + " and " + report + "/report.json (evidence).";
    }

    /** The exact message of a build failed by bad configuration, as Maven prints it. */
    public static String configurationError(String project, String pluginVersion, String message) {
        return String.format(FAILURE_PREFIX, pluginVersion, project) + message;
    }

    /** A finding line of the Maven log: "  error protocol-mismatch: message". */
    public static String findingLine(String severity, String code, String message) {
        return "  " + severity + " " + code + ": " + message;
    }

    /** Temurin 25's home, for scenarios that judge that JDK; see {@link #hasTemurin25()}. */
    public static String temurin25Home() {
        return TestJdk.TEMURIN_25.java().getParent().getParent().toString();
    }

    /** For selector.groovy: scenarios on Temurin 25 are skipped (not failed) where it is not installed. */
    public static boolean hasTemurin25() {
        return TestJdk.TEMURIN_25.isPresent();
    }

    /** For selector.groovy: scenarios with OpenSSL behind the relay are skipped where there is no openssl. */
    public static boolean hasOpenssl() {
        return Openssl.isAvailable();
    }

    private static File reportDir(File basedir) {
        return new File(basedir, "target/tls-compat");
    }

    @SuppressWarnings("unchecked")
    private static void keep(Map<String, Object> context, AutoCloseable server) {
        ((List<AutoCloseable>) context.computeIfAbsent(SERVERS, k -> new ArrayList<AutoCloseable>())).add(server);
    }

    /** Writes {@code -Dsim.port=N} (and the scenario's own options) where the nested Maven reads them. */
    private static void handOver(File basedir, Map<String, Object> context, int port, String[] mavenOptions)
            throws IOException {
        context.put(TARGET, "localhost:" + port);
        List<String> lines = new ArrayList<>();
        lines.add("-D" + PORT_PROPERTY + "=" + port);
        lines.addAll(Arrays.asList(mavenOptions));
        Path mvn = basedir.toPath().resolve(".mvn");
        Files.createDirectories(mvn);
        Files.write(mvn.resolve("maven.config"), lines, StandardCharsets.UTF_8);
    }
}
