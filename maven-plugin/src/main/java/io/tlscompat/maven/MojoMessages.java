package io.tlscompat.maven;

/**
 * Every message tls-compat:verify prints or fails with, as constants the tests and ITs assert. Configuration errors
 * name the parameter, the bad value and the valid form; violations name the codes and where to read more.
 */
final class MojoMessages {
    private MojoMessages() {
    }

    static final String SKIPPING = "Skipping tls-compat:verify because property tls-compat.skip is set.";

    static final String BAD_FAIL_ON = "<failOn> (tls-compat.failOn) is '%s'; expected error, warning or never";
    static final String BAD_URL = "<%s> (%s) is invalid: %s";
    static final String NO_TARGETS = "No SQL Server target: set <targets><target>jdbc:sqlserver://host:1433</target>"
            + "</targets> in the plugin configuration, pass -Dtls-compat.url=jdbc:sqlserver://host:1433, or put"
            + " spring.datasource.url in src/main/resources/application*.properties|yml";
    static final String BAD_JAVA_VERSION = "<targetJavaVersion> (tls-compat.targetJavaVersion) is '%s', which the"
            + " knowledge base does not know; expected one of %s, or set <targetJavaHome> to that JDK";
    static final String BAD_JAVA_HOME = "<targetJavaHome> (tls-compat.targetJavaHome) is '%s', which is not a JDK"
            + " (%s); expected the home directory of a JDK or JRE, e.g. /usr/lib/jvm/temurin-25-jdk-amd64";
    static final String JAVA_HOME_TOO_OLD = "<targetJavaHome> (tls-compat.targetJavaHome) is '%s', a JDK older than"
            + " Java 8 that cannot run the probe; use <targetJavaVersion>1.7.0_80</targetJavaVersion> (the knowledge"
            + " base) for Java 7";
    static final String JAVA_HOME_FAILED = "Running the target JDK at %s to read its TLS defaults failed: %s";
    static final String BAD_CLIENT_PROFILE = "<clientProfiles> (tls-compat.clientProfiles) contains '%s'; expected"
            + " any of %s";
    static final String BAD_SERVER_PROFILE = "<serverProfile> (tls-compat.serverProfile) is '%s', which %s; expected"
            + " a file written by 'java -jar tls-compat-agent.jar probe --json host:port'";
    static final String BAD_EXPIRY_DAYS = "<certificateExpiryWarningDays> (tls-compat.certificateExpiryWarningDays)"
            + " is %d; expected 0 to 3650";
    static final String BAD_TIMEOUT = "<probeTimeoutSeconds> (tls-compat.probeTimeoutSeconds) is %d; expected 1 to"
            + " 600";

    static final String NOTE_RUNNING_JDK = "No <targetJavaHome> or <targetJavaVersion>: judging the JDK running"
            + " Maven (%s). Set one of them if the application runs on another JDK.";
    static final String NOTE_BOTH_JDK = "Both <targetJavaHome> and <targetJavaVersion> are set; using"
            + " <targetJavaHome> (the real JDK beats the knowledge base).";
    static final String NOTE_JDK = "Target JDK: %s [%s]";
    /** Warned when -Dtls-compat.knowledgeBase replaces bundled knowledge-base files; %s is the directory. */
    static final String KB_OVERRIDE = "Knowledge base: files in %s replace the bundled ones of the same name"
            + " (-Dtls-compat.knowledgeBase); verdicts may differ from the released tool";
    static final String BAD_JVM_OPTION = "<targetJvmOptions> (tls-compat.targetJvmOptions) has '%s', which is not a"
            + " -Dname=value system property; only system properties change the TLS client, e.g."
            + " -Djava.security.properties=/etc/app/java.security or -Djdk.tls.client.protocols=TLSv1.2";
    static final String JVM_OPTIONS_NEED_HOME = "<targetJvmOptions> need a real JDK to take effect, but only"
            + " <targetJavaVersion> (%s) is set; set <targetJavaHome> to the JDK the application runs on";
    static final String NOTE_DRIVER = "Driver: %s (%s)";
    static final String NOTE_OTHER_CLIENT = "Also found %s: its TLS stack is %s";
    static final String NOTE_NO_DRIVER = "No SQL Server driver among the runtime dependencies.";
    static final String NOTE_TARGET = "Target %s from %s";
    static final String NOTE_SAVED_PROFILE = "Server %s: saved profile %s (not probed)";
    static final String PROBING = "probing %s …";
    static final String PROBE_PROGRESS = "probing %s … %s %s (%d suites) %.1f s";
    static final String PROBE_DONE = "probed %s in %.1f s";
    static final String REPORTS = "Reports: %s";

    static final String BAD_REHEARSE = "<rehearse> (tls-compat.rehearse) is '%s'; expected handshake, login or off";
    /** {@code %s} = target, client, why. */
    static final String NOT_OBSERVED = "%s (%s): predicted, not observed: %s";
    static final String NOT_OBSERVED_OFF = "<rehearse> is off";
    static final String NOT_OBSERVED_OFFLINE = "offline <serverProfile>: there is no server to rehearse against";
    static final String NOT_OBSERVED_NO_HOME = "the rehearsal runs a real JDK; set <targetJavaHome> (a"
            + " <targetJavaVersion> from the knowledge base cannot be run)";
    static final String NOT_OBSERVED_NOT_JDBC = "not a JDBC client of this project, so there is nothing to run";
    static final String NOT_OBSERVED_UNREACHABLE = "the server could not be probed";
    static final String NOT_OBSERVED_NO_DRIVER = "no driver for its URL among the runtime dependencies";
    static final String NOT_OBSERVED_NO_TLS = "the connection uses no TLS, so there is no handshake to rehearse";
    static final String NOT_OBSERVED_JTDS_BROWSER = "jTDS asks the SQL Server Browser on UDP 1434 itself, and"
            + " <browserPort> is %d";
    static final String NOT_OBSERVED_SAME_SERVER = "another URL of the same server is rehearsed";
    static final String REHEARSAL_RESULT = "rehearsal %s: predicted %s; observed %s; driver said: %s; agrees: %s";

    static final String VIOLATIONS = "tls-compat:verify found %d finding(s) at or above '%s': %s. Read %s (fixes) and"
            + " %s (evidence).";
    static final String SKIP_NO_CLIENT = "Skipping tls-compat:verify in %s: no SQL Server client among its"
            + " dependencies and no target.";
    static final String BAD_YAML = "%s is not valid YAML: %s";
    static final String UNRESOLVED_PLACEHOLDER = "%s: ${%s} in %s cannot be resolved; set the environment variable"
            + " or -D property %s, or give a default: ${%s:value}";
    static final String NOTE_URL_UNRESOLVED = "Not checked: %s at %s is ${%s}, which nothing defines; set it to check"
            + " that URL too.";
    static final String NOTE_PROFILES = "Spring profiles checked: %s";
    static final String REACTOR_SUMMARY = "Reactor summary: %s";
    static final String REACTOR_VIOLATIONS = "tls-compat:verify failed in %d module(s): %s. Read %s.";

    static final String PASSED = "tls-compat:verify: %d target(s) checked, verdict %s.";
}
