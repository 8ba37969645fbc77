package io.tlscompat.it.support;

import io.tlscompat.core.json.Json;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs a real JDBC driver in a forked JVM ({@link JdbcClientMain}) against a URL and returns what happened. Choose the
 * driver, the JDK ({@link TestJdk}), extra JVM arguments (e.g. {@code -javaagent:...}) and how many connections to
 * make in that one JVM.
 *
 * <pre>{@code
 * ClientRun run = JdbcClient.with(JdbcDriver.MSSQL_13_2).jdk(TestJdk.TEMURIN_25.assumePresent())
 *         .connect(JdbcDriver.MSSQL_13_2.url(port, "encrypt=true;trustServerCertificate=true"));
 * assertThat(run.single().isLoginFailed()).isTrue();
 * }</pre>
 */
public final class JdbcClient {
    private final JdbcDriver driver;
    private TestJdk jdk = TestJdk.DEFAULT;
    private final List<String> jvmArgs = new ArrayList<>();
    private int repeat = 1;
    private Duration timeout = Duration.ofSeconds(60);

    private JdbcClient(JdbcDriver driver) {
        this.driver = driver;
    }

    public static JdbcClient with(JdbcDriver driver) {
        return new JdbcClient(driver);
    }

    public JdbcClient jdk(TestJdk jdk) {
        this.jdk = jdk;
        return this;
    }

    /** Extra JVM arguments placed before the main class, e.g. {@code -javaagent:agent.jar=...} or {@code -Dx=y}. */
    public JdbcClient jvmArgs(String... args) {
        Collections.addAll(jvmArgs, args);
        return this;
    }

    /** Connect this many times, one after the other, in the same JVM. */
    public JdbcClient repeat(int repeat) {
        this.repeat = repeat;
        return this;
    }

    /** Kill the client JVM after this long (default 60 s); the run then fails naming the command. */
    public JdbcClient timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Starts the JVM, waits for it, and parses one outcome per attempt. */
    public ClientRun connect(String url) {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(driver.jar() + File.pathSeparator + codeSource(JdbcClientMain.class) + File.pathSeparator
                + codeSource(Json.class));
        cmd.add(JdbcClientMain.class.getName());
        cmd.add(driver.driverClass());
        cmd.add(url);
        cmd.add(Integer.toString(repeat));
        ProcessOutput out = ProcessOutput.run(cmd, timeout);
        List<ClientOutcome> outcomes = new ArrayList<>();
        for (String line : out.stdout().split("\n")) {
            if (line.startsWith("{")) {
                outcomes.add(ClientOutcome.parse(line));
            }
        }
        if (out.exitCode() != 0 || outcomes.size() != repeat) {
            throw new IllegalStateException(driver + " on " + jdk + " did not report " + repeat
                    + " outcome(s): " + out);
        }
        return new ClientRun(driver, jdk, outcomes, out.stderr());
    }

    /** The class-path entry (directory or jar) a class was loaded from. */
    static Path codeSource(Class<?> c) {
        try {
            return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + c.getName(), e);
        }
    }
}
