package io.tlscompat.maven;

import io.tlscompat.core.client.ClientDriver;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.JavaClientProfiles;
import io.tlscompat.core.browser.BrowserException;
import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.client.JdkTlsPolicy;
import io.tlscompat.core.client.WindowsClientProfiles;
import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Evaluator;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.eval.Severity;
import io.tlscompat.core.eval.Verdict;
import io.tlscompat.core.kb.KnowledgeBase;
import io.tlscompat.core.probe.ProbeException;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.report.ConsoleTable;
import io.tlscompat.core.report.GateReport;
import io.tlscompat.core.report.ReportFiles;
import io.tlscompat.core.report.SourceLocation;

import java.io.File;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The deployment gate: predicts whether this project's SQL Server client stack (its resolved JDBC driver, the JDK
 * it will run on, its connection URL settings) can complete a TLS handshake with each target SQL Server, and fails
 * the build when it cannot. The server is probed without credentials (or read from a saved profile); findings,
 * fixes and evidence go to {@code target/tls-compat/} as report.json, TEST-tls-compat.xml (JUnit), report.sarif
 * (SARIF 2.1.0) and summary.md, written before the build fails.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class VerifyMojo extends AbstractMojo {
    private static final String VERSION = VerifyMojo.class.getPackage().getImplementationVersion();

    /**
     * The SQL Server targets, as JDBC URLs: {@code jdbc:sqlserver://host[\instance][:port][;encrypt=...;...]} or
     * {@code jdbc:jtds:sqlserver://host[:port][/db][;ssl=...]}. Passwords in them are never printed or stored.
     * When no target is given here or in {@code tls-compat.url}, every SQL Server URL (JDBC or
     * {@code r2dbc:mssql://}) in {@code src/main/resources/application*.properties|yml|yaml} is used, whatever its
     * key.
     */
    @Parameter
    private List<String> targets;

    /**
     * One more target URL, typically from the command line: {@code -Dtls-compat.url=jdbc:sqlserver://db:1433}. In a
     * multi-module build it applies only to the modules that have a SQL Server client among their dependencies.
     */
    @Parameter(property = "tls-compat.url")
    private String url;

    /**
     * The home directory of the JDK the application runs on in production. The gate runs it once to read its real
     * client protocols, cipher suites, {@code jdk.tls.disabledAlgorithms} and {@code jdk.certpath.disabledAlgorithms}
     * (vendor and OS crypto policies included). Takes precedence over {@code targetJavaVersion}.
     */
    @Parameter(property = "tls-compat.targetJavaHome")
    private File targetJavaHome;

    /**
     * The system properties the application is started with that change its TLS client, e.g.
     * {@code -Djava.security.properties=/etc/app/java.security} (an organisation's hardened policy),
     * {@code -Djdk.tls.client.protocols=TLSv1.2} or {@code -Djdk.tls.client.cipherSuites=...}. The gate runs the
     * target JDK ({@code targetJavaHome}, else the JDK running Maven) with them, and so does the rehearsal. Only
     * {@code -Dname=value} entries are accepted; values of password-like properties are never printed. On the
     * command line: {@code -Dtls-compat.targetJvmOptions=-Da=b,-Dc=d} (a comma inside a value stays with its
     * option).
     */
    @Parameter(property = "tls-compat.targetJvmOptions")
    private List<String> targetJvmOptions;

    /**
     * The Java release the application runs on, answered from the knowledge base when that JDK is not at hand:
     * e.g. {@code 1.7.0_80}, {@code 1.8.0_202}, {@code 1.8.0_291}, {@code 11.0.10}, {@code 17}, {@code 17.0.15},
     * {@code 21}, {@code 25}. Without this and {@code targetJavaHome}, the JDK running Maven is judged.
     */
    @Parameter(property = "tls-compat.targetJavaVersion")
    private String targetJavaVersion;

    /**
     * A server profile saved with {@code java -jar tls-compat-agent.jar probe --json host:port > profile.json}, for
     * pipelines that cannot reach the database. Used for every target instead of probing.
     */
    @Parameter(property = "tls-compat.serverProfile")
    private File serverProfile;

    /**
     * The least severity that fails the build: {@code error} (default), {@code warning}, or {@code never} (report
     * only). Reports are always written first.
     */
    @Parameter(property = "tls-compat.failOn", defaultValue = "error")
    private String failOn;

    /**
     * Windows consumers of the same servers (ODBC, OLE DB, .NET over Schannel) to check besides this project's Java
     * stack: {@code windows-server-2012r2}, {@code windows-server-2016}, {@code windows-server-2019},
     * {@code windows-server-2022}. Declaring them makes their certificate refusals errors.
     */
    @Parameter(property = "tls-compat.clientProfiles")
    private List<String> clientProfiles;

    /**
     * A server certificate that expires within this many days gets {@code certificate-expiring}: a warning when
     * the client validates the certificate, info when it does not. Default 30.
     */
    @Parameter(property = "tls-compat.certificateExpiryWarningDays", defaultValue = "30")
    private int certificateExpiryWarningDays = Evaluator.DEFAULT_EXPIRY_WARNING_DAYS;

    /**
     * Whether an unreachable server fails the build (it is an {@code error} finding); {@code false} makes it a
     * warning, for builds that run where the database is not reachable.
     */
    @Parameter(property = "tls-compat.failOnUnreachable", defaultValue = "true")
    private boolean failOnUnreachable;

    /** The overall time budget for probing one server, in seconds; an unreachable server never hangs the build. */
    @Parameter(property = "tls-compat.probeTimeoutSeconds", defaultValue = "20")
    private int probeTimeoutSeconds;

    /**
     * The UDP port of the SQL Server Browser asked for a named instance's port ({@code db1\SQLEXPRESS} without a
     * port). The drivers always ask 1434; another port is for rehearsals against a simulator.
     */
    @Parameter(property = "tls-compat.browserPort", defaultValue = "1434")
    private int browserPort;

    /** Where the four reports are written. */
    @Parameter(property = "tls-compat.outputDirectory", defaultValue = "${project.build.directory}/tls-compat")
    private File outputDirectory;

    /** Skips the gate: {@code -Dtls-compat.skip}. */
    @Parameter(property = "tls-compat.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Whether and how the prediction is proved with the project's own driver on the target JDK
     * ({@code targetJavaHome}, else the JDK running Maven), one connection per target, no retries:
     * {@code handshake} (default) ends the connection as soon as the TLS handshake completes, before any login;
     * {@code login} also sends {@code rehearsalLogin} with an empty password (the server logs one failed login per
     * target); {@code off} only predicts. The observation is the verdict: a handshake the driver really failed fails
     * the build. {@code true} and {@code false} (the former boolean) mean {@code login} and {@code off}.
     */
    @Parameter(property = "tls-compat.rehearse", defaultValue = "handshake")
    private String rehearse;

    /** The throw-away login name the rehearsal uses (with an empty password). */
    @Parameter(property = "tls-compat.rehearsalLogin", defaultValue = "tls_compat_rehearsal")
    private String rehearsalLogin;

    /**
     * The Spring profiles whose configuration files ({@code application-{profile}.properties|yml|yaml}) and
     * documents ({@code spring.config.activate.on-profile}) are read for targets, e.g. {@code prod,eu}; for one key,
     * a later profile's value wins over an earlier one's and over the default, as in Spring Boot. Empty (the
     * default): every profile found is checked, each value as a target of its own.
     */
    @Parameter(property = "tls-compat.springProfiles")
    private List<String> springProfiles;

    /** The build: its projects (for the reactor summary and the single failure at the end) and properties. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    /** Resolves the agent jar for a rehearsal. */
    @Component
    private RepositorySystem repositorySystem;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true, required = true)
    private List<RemoteRepository> pluginRepositories;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** The project whose resolved runtime dependencies, pom.xml and resources are read. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info(MojoMessages.SKIPPING);
            finishReactor();
            return;
        }
        Severity failSeverity = failSeverity();
        RehearsalMode rehearsalMode = RehearsalMode.parse(rehearse);
        if (probeTimeoutSeconds < 1 || probeTimeoutSeconds > 600) {
            throw new MojoFailureException(String.format(MojoMessages.BAD_TIMEOUT, probeTimeoutSeconds));
        }
        List<ClientProfile> windows = windowsClients();
        Map<String, SourceLocation> urlLocations = new LinkedHashMap<>();
        List<ClientDriver> drivers = DriverDetection.detect(project.getArtifacts());
        boolean multiModule = ReactorResults.isMultiModule(session);
        List<JdbcTarget> jdbcTargets = new TargetCollector(project, getLog()).collect(targets,
                drivers.isEmpty() && multiModule ? null : url, names(springProfiles), placeholderSources(),
                urlLocations);
        if (jdbcTargets.isEmpty()) {
            if (!drivers.isEmpty()) {
                throw new MojoFailureException(MojoMessages.NO_TARGETS);
            }
            getLog().info(String.format(MojoMessages.SKIP_NO_CLIENT, project.getArtifactId()));
            finishReactor();
            return;
        }
        ServerProfileSource servers = ServerProfileSource.create(serverProfile, probeTimeoutSeconds * 1000L, getLog())
                .browserPort(browserPort);
        List<String> jvmOptions = jvmOptions();
        JdkTlsPolicy jdk = TargetJdkResolver.resolve(targetJavaHome, targetJavaVersion, jvmOptions, getLog());
        getLog().info(String.format(MojoMessages.NOTE_JDK, jdk.description(), jdk.source()));
        if (KnowledgeBase.overrideDirectory() != null) {
            getLog().warn(String.format(MojoMessages.KB_OVERRIDE, KnowledgeBase.overrideDirectory()));
        }
        logDrivers(drivers);

        if (certificateExpiryWarningDays < 0 || certificateExpiryWarningDays > 3650) {
            throw new MojoFailureException(String.format(MojoMessages.BAD_EXPIRY_DAYS, certificateExpiryWarningDays));
        }
        Evaluator evaluator = new Evaluator(Instant.now(), !windows.isEmpty(), certificateExpiryWarningDays);
        List<Evaluation> evaluations = new ArrayList<>();
        List<JdbcTarget> resolvedTargets = new ArrayList<>();
        for (JdbcTarget declared : jdbcTargets) {
            JdbcTarget t;
            try {
                t = servers.resolvePort(declared);
                resolvedTargets.add(t);
                // reports find the URL's line by the target's final address
                SourceLocation at = urlLocations.get(declared.key());
                if (at != null) {
                    urlLocations.putIfAbsent(t.address(), at);
                }
            } catch (BrowserException e) {
                evaluations.add(evaluator.unreachable(declared.host() + "\\" + declared.instance(),
                        JavaClientProfiles.build(declared, DriverDetection.forFlavour(drivers, declared.flavour()),
                                jdk, jvmOptions, targetJavaHome), e.getMessage(), failOnUnreachable ? Severity.ERROR : Severity.WARNING));
                continue;
            }
            ClientProfile java = JavaClientProfiles.build(t, DriverDetection.forFlavour(drivers, t.flavour()), jdk,
                    jvmOptions, targetJavaHome);
            ServerProfile server;
            try {
                server = servers.profileOf(t);
            } catch (ProbeException e) {
                evaluations.add(evaluator.unreachable(t.address(), java, e.getMessage(),
                        failOnUnreachable ? Severity.ERROR : Severity.WARNING));
                continue;
            }
            evaluations.add(evaluator.evaluate(t.address(), java, server));
            for (ClientProfile w : windows) {
                evaluations.add(evaluator.evaluate(t.address(), w, server));
            }
        }
        Rehearsals.Result rehearsed = Rehearsals.runAll(rehearsalMode, resolvedTargets, evaluations, drivers,
                project.getArtifacts(), targetJavaHome, targetJavaVersion, serverProfile != null, jvmOptions, browserPort,
                () -> AgentJarResolver.resolve(repositorySystem, repositorySession, pluginRepositories,
                        plugin.getVersion()), rehearsalLogin, new File(outputDirectory, "rehearsal"), getLog());
        evaluations = rehearsed.evaluations;
        GateReport report = report(evaluations, failSeverity, urlLocations, drivers, rehearsed.entries);
        for (Evaluation e : evaluations) {
            log(e, report);
        }
        try {
            ReportFiles.writeAll(report, outputDirectory);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the reports to " + outputDirectory + ": " + e.getMessage(),
                    e);
        }
        getLog().info(String.format(MojoMessages.REPORTS, outputDirectory));
        String codes = violationCodes(report);
        String failure = codes == null ? null : String.format(MojoMessages.VIOLATIONS, report.violations().size(),
                report.failOnLabel(), codes, new File(outputDirectory, ReportFiles.MARKDOWN),
                new File(outputDirectory, ReportFiles.JSON));
        if (multiModule) {
            ReactorResults.of(session).checked(project, evaluations, codes);
            if (failure != null) {
                getLog().error(failure);
            }
        } else if (failure != null) {
            throw new MojoFailureException(failure);
        }
        if (failure == null) {
            getLog().info(String.format(MojoMessages.PASSED, jdbcTargets.size(),
                    Verdict.of(report.findings()).label()));
        }
        finishReactor();
    }

    /** Placeholder sources in Spring's order: -D properties, system properties, environment, project properties. */
    private List<Function<String, String>> placeholderSources() {
        return PlaceholderResolver.sources(session.getUserProperties(), session.getSystemProperties(),
                System.getenv(), project.getProperties());
    }

    private static List<String> names(List<String> list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            for (String s : list) {
                if (s != null && !s.trim().isEmpty()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private void finishReactor() throws MojoFailureException, MojoExecutionException {
        ReactorResults.finish(session, project, getLog());
    }

    /** A failing target is logged at ERROR so that even {@code mvn -q} shows the finding and its fix. */
    private void log(Evaluation e, GateReport report) {
        boolean fails = false;
        boolean warns = false;
        for (Finding f : e.findings()) {
            fails |= report.fails(f);
            warns |= f.severity() == Severity.WARNING;
        }
        for (String line : ConsoleTable.lines(e)) {
            if (fails) {
                getLog().error(line);
            } else if (warns) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
    }

    /**
     * The non-blank {@code targetJvmOptions}, trimmed. Maven splits a command-line list at commas, which cuts
     * {@code -Djdk.tls.client.protocols=TLSv1.2,TLSv1.3} in two; a piece that does not start with '-' cannot be an
     * option of its own, so it is joined back to the one before it.
     */
    private List<String> jvmOptions() {
        List<String> out = new ArrayList<>();
        if (targetJvmOptions != null) {
            for (String o : targetJvmOptions) {
                String t = o == null ? "" : o.trim();
                if (t.isEmpty()) {
                    continue;
                }
                if (!t.startsWith("-") && !out.isEmpty()) {
                    out.set(out.size() - 1, out.get(out.size() - 1) + "," + t);
                } else {
                    out.add(t);
                }
            }
        }
        return out;
    }

    private Severity failSeverity() throws MojoFailureException {
        String f = failOn == null ? "error" : failOn.trim().toLowerCase(Locale.ROOT);
        switch (f) {
            case "error": return Severity.ERROR;
            case "warning": return Severity.WARNING;
            case "never": return null;
            default: throw new MojoFailureException(String.format(MojoMessages.BAD_FAIL_ON, failOn));
        }
    }

    private List<ClientProfile> windowsClients() throws MojoFailureException {
        List<ClientProfile> out = new ArrayList<>();
        if (clientProfiles == null) {
            return out;
        }
        KnowledgeBase kb = KnowledgeBase.get();
        for (String id : clientProfiles) {
            String trimmed = id == null ? "" : id.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (kb.windowsClient(trimmed) == null) {
                throw new MojoFailureException(String.format(MojoMessages.BAD_CLIENT_PROFILE, trimmed,
                        String.join(", ", kb.windowsClientIds())));
            }
            out.add(WindowsClientProfiles.of(kb.windowsClient(trimmed)));
        }
        return out;
    }

    private void logDrivers(List<ClientDriver> drivers) {
        if (drivers.isEmpty()) {
            getLog().info(MojoMessages.NOTE_NO_DRIVER);
        }
        for (ClientDriver d : drivers) {
            if (d.id().equals("mssql-jdbc") || d.id().equals("jtds")) {
                getLog().info(String.format(MojoMessages.NOTE_DRIVER, d.coordinates(), d.knowledge().tlsStack()));
            } else {
                getLog().info(String.format(MojoMessages.NOTE_OTHER_CLIENT, d.coordinates(),
                        d.knowledge().tlsStack()));
            }
        }
    }

    private GateReport report(List<Evaluation> evaluations, Severity failSeverity,
            Map<String, SourceLocation> urlLocations, List<ClientDriver> drivers,
            List<Map<String, Object>> rehearsals) {
        PomLines pom = new PomLines(project);
        SourceLocation driverAt = drivers.isEmpty() ? null
                : new SourceLocation("pom.xml", pom.dependencyLine(drivers.get(0).artifactId()));
        return new GateReport(evaluations, failSeverity, KnowledgeBase.get().version(),
                VERSION == null ? "dev" : VERSION, Instant.now().toString(), urlLocations, driverAt,
                new SourceLocation("pom.xml", 1), rehearsals);
    }

    /** The codes (and targets) of this module's violations, or null when it passes. */
    private static String violationCodes(GateReport report) {
        List<Finding> violations = report.violations();
        if (violations.isEmpty()) {
            return null;
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Finding f : violations) {
            codes.add(f.code().code() + " (" + f.target() + ")");
        }
        return String.join(", ", codes);
    }
}
