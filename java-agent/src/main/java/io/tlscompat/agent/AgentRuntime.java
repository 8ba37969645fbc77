package io.tlscompat.agent;

import io.tlscompat.agent.bootstrap.TlsCompatHooks;
import io.tlscompat.agent.diagnosis.Diagnostician;
import io.tlscompat.agent.diagnosis.ProbeScheduler;
import io.tlscompat.agent.diagnosis.RecordDiagnoser;
import io.tlscompat.agent.diagnosis.ServerProber;
import io.tlscompat.agent.instrument.HandshakeTransformer;
import io.tlscompat.agent.instrument.HookTargets;
import io.tlscompat.agent.output.HandshakeStats;
import io.tlscompat.agent.output.RecordConsumer;
import io.tlscompat.agent.output.RecordPipeline;
import io.tlscompat.agent.output.RotatingJsonlFile;
import io.tlscompat.agent.output.StderrReporter;
import io.tlscompat.agent.record.HandshakeTracker;
import io.tlscompat.agent.record.JdbcContextReader;
import io.tlscompat.core.tls.CipherSuites;
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
    public static final String STARTED = "[tls-compat] agent active (%s): hooked %s; records to %s."
            + " SSLEngine (java.net.http, Netty) is not covered";
    /** Printed when the JDK's TLS classes do not have the expected shape. */
    public static final String NO_HOOK = "[tls-compat] cannot hook %s on Java %s (%s); the application runs"
            + " unmodified";
    /** Printed for bad options. */
    public static final String BAD_OPTIONS = "[tls-compat] agent not started: %s";

    /** How long JVM exit waits for a background probe, so short-lived JVMs still get probe diagnoses. */
    static final long PROBE_GRACE_MILLIS = 5000;

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
        // Load what the hooks touch now, not lazily on the first handshake thread.
        CipherSuites.all();

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
        RecordDiagnoser recordDiagnoser = new RecordDiagnoser(RecordDiagnoser.currentJdkDisablesLegacyTls());
        RecordPipeline pipeline = new RecordPipeline(options.queue(), null, consumers);
        ProbeScheduler probes = null;
        if (options.probe()) {
            ServerProber prober = Extras.prober();
            if (prober != null) {
                probes = new ProbeScheduler(prober, options.probeIntervalSeconds() * 1000L, pipeline);
            }
        }
        Diagnostician diagnostician = new Diagnostician(recordDiagnoser, probes);
        pipeline.diagnostician(diagnostician);
        String extras = Extras.addOptional(options, stats, pipeline, diagnostician, consumers);
        destination = destination + extras;
        final AgentRuntime runtime = new AgentRuntime(options, pipeline, stats, probes);
        running = runtime;
        pipeline.start();

        HandshakeTracker tracker = new HandshakeTracker(pipeline, new JdbcContextReader());
        TlsCompatHooks.install(tracker);
        final List<String> failures = new ArrayList<String>();
        HandshakeTransformer transformer = new HandshakeTransformer(new HandshakeTransformer.Listener() {
            @Override
            public void hooked(String className, int methods) {
                // reported in the startup line
            }

            @Override
            public void failed(String className, Throwable problem) {
                synchronized (failures) {
                    failures.add(className + ": " + problem);
                }
            }
        });
        inst.addTransformer(transformer, true);
        retransformLoaded(inst, err);
        // Not loaded yet (normal for -javaagent): load them now so a failure is reported at startup, not later.
        for (String name : HookTargets.JDK_CLASSES) {
            try {
                Class.forName(name, false, null);
            } catch (Throwable t) {
                failures.add(name + ": " + t);
            }
        }
        if (!transformer.hookedClasses().contains(HookTargets.SSL_SOCKET_IMPL)) {
            TlsCompatHooks.uninstall();
            inst.removeTransformer(transformer);
            err.println(String.format(NO_HOOK, "sun.security.ssl.SSLSocketImpl", javaVersion(),
                    failures.isEmpty() ? "class not found" : failures.get(0)));
            pipeline.shutdown(100);
            running = null;
            return;
        }
        System.setProperty(AgentEntry.ACTIVE_PROPERTY, "pid " + pid() + ", " + jarPath);
        err.println(String.format(STARTED, attached ? "attached" : "-javaagent", transformer.hookedClasses(),
                destination));
        Runtime.getRuntime().addShutdownHook(new Thread(new Runnable() {
            @Override
            public void run() {
                runtime.stop();
            }
        }, "tls-compat-shutdown"));
    }

    private static void retransformLoaded(Instrumentation inst, PrintStream err) {
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
    }

    /** Drains the queue (up to 2 s), closes outputs, prints the summary. */
    void stop() {
        TlsCompatHooks.uninstall();
        if (probes != null) {
            List<io.tlscompat.agent.record.HandshakeRecord> left = probes.finish(PROBE_GRACE_MILLIS);
            if (!left.isEmpty()) {
                pipeline.probed(left, null);
            }
        }
        pipeline.shutdown(2000);
        if (options.summary()) {
            err.println(stats.summaryLine(pipeline.dropped()));
        }
    }

    static String javaVersion() {
        return System.getProperty("java.version");
    }

    static String pid() {
        String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at > 0 ? name.substring(0, at) : name;
    }
}
