package io.tlscompat.simulator;

import io.tlscompat.core.tls.TlsVersion;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code java -jar tls-compat-simulator.jar --profile sql2014-win2012r2 --port 1433}: runs one simulator until
 * Ctrl+C (or {@code --exit-after}). Exit status 0 when stopped, 1 when it cannot listen, 2 on a bad command line.
 */
public final class SimulatorMain {
    /** First banner line: profile, product, versions, suites, certificate. */
    static final String BANNER = "tls-compat simulator: %s = %s %s; TDS 7.x %s; TDS 8 %s; %d cipher suites; "
            + "certificate %s %d-bit CN=%s";
    /** Second banner line: where it listens and how to stop it. */
    static final String LISTENING = "Listening on %s:%d. Press Ctrl+C to stop.";
    static final String LISTENING_UNTIL = "Listening on %s:%d for %d s (or press Ctrl+C).";
    static final String CANNOT_LISTEN = "error: cannot listen on %s:%d (%s); choose another --port or stop what uses it";
    /** Banner line of the Browser: address, UDP port, instance, TCP port. */
    static final String BROWSER = "SQL Server Browser on UDP %s:%d answers for instance %s (TCP port %d).";
    static final String CANNOT_BROWSE = "error: cannot listen on UDP %s:%d for the SQL Server Browser (%s); choose "
            + "another --browser-port (0 = any) or stop what uses it";

    private SimulatorMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; returns the exit status (for tests and for main). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        SimulatorCommandLine cl;
        try {
            cl = SimulatorCommandLine.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (cl.help) {
            out.println(SimulatorCommandLine.USAGE);
            return 0;
        }
        if (cl.list) {
            for (String name : SimulatorProfiles.names()) {
                out.println(String.format("%-24s %s", name, SimulatorProfiles.named(name).description()));
            }
            return 0;
        }
        Simulator sim;
        try {
            sim = Simulator.start(cl.profile, cl.port, cl.bind, cl.verbose ? out::println : message -> { });
        } catch (IOException e) {
            err.println(String.format(CANNOT_LISTEN, cl.bind.getHostAddress(), cl.port, e.getMessage()));
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        if (cl.instance != null) {
            try {
                sim.answerBrowser(cl.instance, cl.browserPort);
            } catch (IOException e) {
                err.println(String.format(CANNOT_BROWSE, cl.bind.getHostAddress(), cl.browserPort, e.getMessage()));
                sim.close();
                return 1;
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "tls-compat-simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(banner(sim));
        for (String note : cl.notes) {
            out.println("note: " + note);
        }
        if (cl.instance != null) {
            out.println(String.format(BROWSER, cl.bind.getHostAddress(), sim.browserPort(), cl.instance, sim.port()));
        }
        out.println(cl.exitAfterSeconds > 0
                ? String.format(LISTENING_UNTIL, cl.bind.getHostAddress(), sim.port(), cl.exitAfterSeconds)
                : String.format(LISTENING, cl.bind.getHostAddress(), sim.port()));
        out.flush();
        try {
            if (cl.readyFile != null) {
                writeReadyFile(cl.readyFile, sim.port());
            }
            if (cl.exitAfterSeconds > 0) {
                stopped.await(cl.exitAfterSeconds, TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
        } catch (IOException e) {
            err.println("error: cannot write --ready-file " + cl.readyFile + ": " + e.getMessage());
            sim.close();
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sim.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook is running.
        }
        return 0;
    }

    static String banner(Simulator sim) {
        SimulatorProfile p = sim.profile();
        String tds7 = p.forceStrict() ? "refused (force strict)"
                : p.encryption() == io.tlscompat.core.tds.EncryptionLevel.NOT_SUP ? "without encryption"
                : p.isRelay() ? "relayed to " + p.relayHost() + ":" + p.relayPort() : names(p.protocols());
        String tds8 = p.strict() ? names(p.strictProtocols()) + " (ALPN tds/8.0)" : "off";
        java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) sim.certificate()
                .getPublicKey();
        return String.format(BANNER, p.name(), p.productVersion().productName(), p.productVersion(), tds7, tds8,
                p.cipherSuites().size(), sim.certificate().getSigAlgName(), key.getModulus().bitLength(),
                p.certSubjectCn());
    }

    private static String names(List<TlsVersion> versions) {
        List<String> n = new ArrayList<>();
        for (TlsVersion v : versions) {
            n.add(v.jdkName());
        }
        return String.join(",", n);
    }

    /** Writes the port atomically, so a reader never sees a half-written file. */
    private static void writeReadyFile(Path file, int port) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".tls-compat-simulator", ".tmp");
        Files.write(tmp, (port + "\n").getBytes(StandardCharsets.US_ASCII));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
