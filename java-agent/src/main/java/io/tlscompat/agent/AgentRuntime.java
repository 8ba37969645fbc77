package io.tlscompat.agent;

import io.tlscompat.agent.bootstrap.TlsCompatHooks;
import io.tlscompat.agent.diagnosis.Diagnostician;
import io.tlscompat.agent.diagnosis.HandshakeJudge;
import io.tlscompat.agent.diagnosis.ProbeScheduler;
import io.tlscompat.agent.diagnosis.RecordDiagnoser;
import io.tlscompat.agent.diagnosis.ServerProber;
import io.tlscompat.agent.instrument.HandshakeTransformer;
import io.tlscompat.agent.output.HandshakeStats;
import io.tlscompat.agent.output.RecordConsumer;
import io.tlscompat.agent.output.RecordPipeline;
import io.tlscompat.agent.output.RotatingJsonlFile;
import io.tlscompat.agent.output.StderrReporter;
import io.tlscompat.agent.record.HandshakeTracker;
import io.tlscompat.agent.record.JdbcContextReader;
import io.tlscompat.agent.security.Privileged;
import java.io.File;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

/**
 * Wires the agent together inside its own class loader: options, outputs, the record pipeline, the hook sink, the
 * transformer and the retransformation of already-loaded classes (so a late attach works). Every problem becomes
 * one {@code [tls-compat]} line and the application carries on.
 */
public final class AgentRuntime {
    /** Startup line; {@code %s} = how it started, hooked classes, where records go. */
    public static final String STARTED = "[tls-compat] agent active (%s): hooks %s; records to %s."
            + " Engines that bypass JSSE (netty-tcnative's OpenSSL, BCJSSE) are not covered";
    /** What the startup line says is hooked. */
    static final String HOOKED_TARGETS = "JSSE SSLSocketImpl.startHandshake, SSLEngineImpl (java.net.http, Netty)"
            + " and handshake messages, mssql-jdbc TDSChannel.enableSSL/prelogin, jTDS SharedSocket.enableEncryption,"
            + " r2dbc-mssql SslHandlerFactory.createSslHandler, vertx-mssql-client TdsLoginSentCompletionHandler";
    /** Printed when the JDK's TLS classes do not have the expected shape. */
    public static final String NO_HOOK = "[tls-compat] cannot hook %s on Java %s (%s); the application runs"
            + " unmodified";
    /** Printed for bad options. */
    public static final String BAD_OPTIONS = "[tls-compat] agent not started: %s";

    /** Printed when the shutdown work fails; what was written stays written. */
    public static final String STOP_FAILED = "[tls-compat] could not finish at exit, some records may be missing: ";
    /**
     * How long JVM exit waits for a background probe that is still running, so short-lived JVMs still get probe
     * diagnoses. Nothing waits when no probe runs (a local close never starts one).
     */
    static final long PROBE_GRACE_MILLIS = 5000;
    /** How long JVM exit waits for the writer to drain the queue: the README's "at most 2 s". */
    static final long DRAIN_MILLIS = 2000;

    private static volatile AgentRuntime running;

    private final AgentOptions options;
    private final RecordPipeline pipeline;
    private final HandshakeStats stats;
    private final ProbeScheduler probes;
    private final PrintStream err = System.err;

    private AgentRuntime(AgentOptions options, RecordPipeline pipeline, HandshakeStats stats, ProbeScheduler probes) {
        this.options = options;
        this.pipeline = pipeline;
        this.stats = stats;
        this.probes = probes;
    }

    /** The running agent in this JVM, or null (for the MBean and tests). */
    public static AgentRuntime running() {
        return running;
    }

    public HandshakeStats stats() {
        return stats;
    }

    public RecordPipeline pipeline() {
        return pipeline;
    }

    /** Called reflectively by {@link AgentEntry}. Never throws. */
    public static void start(String args, Instrumentation inst, boolean attached, String jarPath) {
        PrintStream err = System.err;
        AgentOptions options;
        try {
            options = AgentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(String.format(BAD_OPTIONS, e.getMessage()));
            return;
        }
        if (!TlsCompatHooks.isOnBootstrap()) {
            err.println(String.format(NO_HOOK, "JSSE", javaVersion(), "hook classes are not on the boot class path"));
            return;
        }
        HandshakeStats stats = new HandshakeStats();
        List<RecordConsumer> consumers = new ArrayList<RecordConsumer>();
        consumers.add(stats);
        String destination = "stderr (failures only)";
        if (options.log() != null) {
            RotatingJsonlFile file = new RotatingJsonlFile(new File(options.log()), options.maxFileSize(),
                    options.maxFiles(), err);
            if (file.open()) {
                consumers.add(file);
                destination = options.log() + " and stderr (failures)";
            }
        }
        if (options.stderr()) {
            consumers.add(new StderrReporter(err));
        }
        HandshakeJudge judge = new HandshakeJudge();
        RecordDiagnoser recordDiagnoser = new RecordDiagnoser(judge);
        RecordPipeline pipeline = new RecordPipeline(options.queue(), null, stats, consumers);
        ProbeScheduler probes = null;
        if (options.probe()) {
            ServerProber prober = Extras.prober();
            if (prober != null) {
                probes = new ProbeScheduler(prober, options.probeIntervalSeconds() * 1000L, pipeline);
            }
        }
        Diagnostician diagnostician = new Diagnostician(recordDiagnoser, judge, probes);
        pipeline.diagnostician(diagnostician);
        // JFR and JMX start with the first record, on the writer thread: neither costs start-up time.
        consumers.add(new LateOutputs(options, stats, pipeline, diagnostician));
        destination = destination + LateOutputs.describe(options);
        final AgentRuntime runtime = new AgentRuntime(options, pipeline, stats, probes);
        running = runtime;
        pipeline.start();

        boolean endAfterHandshake = false;
        if (options.rehearsal()) {
            String refusal = RehearsalGuard.refusal(attached, System.getProperty("sun.java.command"));
            if (refusal != null) {
                err.println(refusal);
            } else {
                endAfterHandshake = true;
            }
        }
        HandshakeTracker tracker = new HandshakeTracker(pipeline, new JdbcContextReader(), endAfterHandshake);
        tracker.notices(err);
        TlsCompatHooks.install(tracker);
        final PrintStream errors = err;
        HandshakeTransformer transformer = new HandshakeTransformer(new HandshakeTransformer.Listener() {
            @Override
            public void hooked(String className, int methods) {
                // the startup line names the targets
            }

            @Override
            public void failed(String className, Throwable problem) {
                // Runs when the class loads (JSSE loads on first TLS use); the JDK then runs that class unmodified.
                errors.println(String.format(NO_HOOK, className.replace('/', '.'), javaVersion(), problem));
            }
        });
        inst.addTransformer(transformer, true);
        int retransformed = retransformLoaded(inst, err);
        // JSSE is not forced to load here (that would cost every JVM start-up); -javaagent hooks it when it loads.
        System.setProperty(AgentEntry.ACTIVE_PROPERTY, "pid " + pid() + ", " + jarPath);
        // fill, not String.format: the formatter's regex machinery costs start-up time.
        err.println(fill(STARTED, attached ? "attached" : "-javaagent", HOOKED_TARGETS
                + (retransformed > 0 ? " (" + retransformed + " loaded classes retransformed)" : ""), destination));
        Runtime.getRuntime().addShutdownHook(Privileged.newThread(new Runnable() {
            @Override
            public void run() {
                try {
                    runtime.stop();
                } catch (Throwable t) {
                    // never a stack trace from the agent at exit
                    errors.println(STOP_FAILED + t);
                }
            }
        }, "tls-compat-shutdown", false));
    }

    /** @return how many loaded target classes were retransformed */
    private static int retransformLoaded(Instrumentation inst, PrintStream err) {
        List<Class<?>> targets = new ArrayList<Class<?>>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (HandshakeTransformer.isTarget(c.getName().replace('.', '/')) && inst.isModifiableClass(c)) {
                targets.add(c);
            }
        }
        for (Class<?> c : targets) {
            try {
                inst.retransformClasses(c);
            } catch (Throwable t) {
                err.println("[tls-compat] cannot retransform " + c.getName() + ": " + t);
            }
        }
        return targets.size();
    }

    /**
     * Waits at most {@link #PROBE_GRACE_MILLIS} for a probe still running (none when no probe runs), then at most
     * {@link #DRAIN_MILLIS} for the writer; closes the outputs and prints the summary.
     */
    void stop() {
        TlsCompatHooks.uninstall();
        // The drain's budget counts the sync before the probe wait and the shutdown after it, not the wait itself.
        long drainStart = System.currentTimeMillis();
        if (probes != null) {
            // First let the writer hand every queued failure to the prober, then let the probes that run finish.
            pipeline.sync(DRAIN_MILLIS / 2);
            long synced = System.currentTimeMillis() - drainStart;
            List<io.tlscompat.agent.record.HandshakeRecord> left = probes.finish(PROBE_GRACE_MILLIS);
            if (!left.isEmpty()) {
                pipeline.probed(left, null);
            }
            drainStart = System.currentTimeMillis() - synced;
        }
        pipeline.shutdown(Math.max(1, drainStart + DRAIN_MILLIS - System.currentTimeMillis()));
        if (options.summary()) {
            err.println(stats.summaryLine(pipeline.dropped()));
        }
    }

    /** Replaces each {@code %s} in turn. */
    static String fill(String template, String... values) {
        StringBuilder sb = new StringBuilder();
        int from = 0;
        for (String v : values) {
            int at = template.indexOf("%s", from);
            if (at < 0) {
                break;
            }
            sb.append(template, from, at).append(v);
            from = at + 2;
        }
        return sb.append(template.substring(from)).toString();
    }

    static String javaVersion() {
        return System.getProperty("java.version");
    }

    static String pid() {
        try {
            // Java 9+: cheap; the management API below costs tens of milliseconds of start-up.
            Class<?> ph = Class.forName("java.lang.ProcessHandle");
            Object current = ph.getMethod("current").invoke(null);
            return String.valueOf(ph.getMethod("pid").invoke(current));
        } catch (Throwable java8) {
            // fall through
        }
        String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }
}
