package io.tlscompat.core.client;

import io.tlscompat.core.json.Json;
import io.tlscompat.core.kb.JdkRelease;
import io.tlscompat.core.kb.JdkVersion;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Builds a {@link JdkTlsPolicy} from the knowledge base, from a forked target JDK, or from the running JDK. */
public final class JdkPolicies {
    private static final List<String> ALL_DOWN_FROM_13 = Arrays.asList("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1");

    private JdkPolicies() {
    }

    /**
     * The policy a release has by default. Versioned contexts enable every version up to their own (OpenJDK
     * sun/security/ssl/SSLContextImpl.java: TLS12Context enables 1.0–1.2; only the "TLS"/"Default" contexts read
     * jdk.tls.client.protocols), minus disabled ones.
     */
    public static JdkTlsPolicy fromRelease(JdkRelease r, String requested) {
        DisabledAlgorithms tls = DisabledAlgorithms.parse(r.tlsDisabledAlgorithms());
        Map<String, List<String>> contexts = new LinkedHashMap<>();
        contexts.put("TLS", enabled(r.clientProtocols(), tls));
        boolean hasTls13 = r.version().feature() >= 11
                || (r.version().feature() == 8 && r.version().update() >= 261);
        for (String label : Arrays.asList("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3")) {
            if (label.equals("TLSv1.3") && !hasTls13) {
                continue;
            }
            int from = ALL_DOWN_FROM_13.indexOf(label);
            contexts.put(label, enabled(ALL_DOWN_FROM_13.subList(from, ALL_DOWN_FROM_13.size()), tls));
        }
        List<String> suites = new ArrayList<>();
        for (String s : r.defaultSuites()) {
            if (!tls.disablesSuite(s)) {
                suites.add(s);
            }
        }
        String desc = "Java " + requested + " (knowledge base entry " + r.version() + ")";
        String source = "knowledge base jdk-releases.json " + r.version() + ": " + r.source()
                + (r.uncertain().isEmpty() ? "" : " [uncertain: " + String.join(", ", r.uncertain()) + "]");
        return new JdkTlsPolicy(requested, desc, JdkTlsPolicy.Origin.KNOWLEDGE_BASE, contexts, suites, tls,
                DisabledAlgorithms.parse(r.certpathDisabledAlgorithms()), Math.max(r.minDhBits(), tls.minDhBits()),
                r.maxDhBits(), source);
    }

    private static List<String> enabled(List<String> protocols, DisabledAlgorithms tls) {
        List<String> out = new ArrayList<>();
        for (String p : protocols) {
            if (!tls.disablesProtocol(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The JDK running this code (the build's JDK when no target is given). */
    public static JdkTlsPolicy running() {
        return fromProbeOutput(JdkDefaultsProbe.collect(), JdkTlsPolicy.Origin.RUNNING_JDK);
    }

    /**
     * Runs {@link JdkDefaultsProbe} on the JDK at {@code javaHome}.
     *
     * @throws JdkProbeException {@code notAJdk()} when there is no bin/java; otherwise the fork failed
     */
    public static JdkTlsPolicy fork(File javaHome, long timeoutMillis) throws JdkProbeException {
        return fork(javaHome, Collections.<String>emptyList(), timeoutMillis);
    }

    /**
     * Runs {@link JdkDefaultsProbe} on the JDK at {@code javaHome} with the application's own system properties
     * (e.g. {@code -Djava.security.properties=...}, {@code -Djdk.tls.client.protocols=...}), so that the policy is
     * the one the application really runs with.
     *
     * @param jvmOptions {@code -Dname=value} options, checked by {@link JvmOptions#firstInvalid}
     * @throws JdkProbeException {@code notAJdk()} when there is no bin/java; otherwise the fork failed
     */
    public static JdkTlsPolicy fork(File javaHome, List<String> jvmOptions, long timeoutMillis)
            throws JdkProbeException {
        File java = new File(new File(javaHome, "bin"), isWindows() ? "java.exe" : "java");
        if (!java.isFile() || !java.canExecute()) {
            throw new JdkProbeException("no executable bin/java", true);
        }
        String classpath = ownClasspath();
        List<String> command = new ArrayList<>();
        command.add(java.getAbsolutePath());
        command.addAll(jvmOptions);
        command.addAll(Arrays.asList("-cp", classpath, JdkDefaultsProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            byte[] out = readAll(p.getInputStream(), timeoutMillis, p);
            if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new JdkProbeException("the JDK did not answer within " + timeoutMillis + " ms", false);
            }
            String text = new String(out, StandardCharsets.UTF_8);
            for (String line : text.split("\\r?\\n")) {
                if (line.startsWith(JdkDefaultsProbe.MARKER)) {
                    return fromProbeOutput(Json.parseObject(line.substring(JdkDefaultsProbe.MARKER.length())),
                            JdkTlsPolicy.Origin.FORKED, jvmOptions);
                }
            }
            if (text.contains("UnsupportedClassVersionError")) {
                throw new JdkProbeException("older than Java 8", false, true);
            }
            throw new JdkProbeException("exit code " + p.exitValue() + ", output: " + firstLine(text), false);
        } catch (IOException e) {
            throw new JdkProbeException("cannot run " + java + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JdkProbeException("interrupted", false);
        }
    }

    private static byte[] readAll(InputStream in, long timeoutMillis, Process p) throws IOException {
        // The probe prints one short line and exits; a watchdog kills it if it hangs so the read ends.
        Thread watchdog = new Thread(() -> {
            try {
                if (!p.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "tls-compat-jdk-probe-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() < 1 << 20) {
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static String firstLine(String text) {
        String t = text.trim();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static String ownClasspath() throws JdkProbeException {
        try {
            return new File(JdkDefaultsProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .getAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            throw new JdkProbeException("cannot locate tls-compat-core on the class path: " + e.getMessage(), false);
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /** Reads {@link JdkDefaultsProbe#collect()} output. */
    public static JdkTlsPolicy fromProbeOutput(Map<String, Object> m, JdkTlsPolicy.Origin origin) {
        return fromProbeOutput(m, origin, Collections.<String>emptyList());
    }

    /** Reads {@link JdkDefaultsProbe#collect()} output of a JDK started with {@code jvmOptions}. */
    @SuppressWarnings("unchecked")
    static JdkTlsPolicy fromProbeOutput(Map<String, Object> m, JdkTlsPolicy.Origin origin, List<String> jvmOptions) {
        String version = String.valueOf(m.get("javaVersion"));
        Map<String, List<String>> contexts = new LinkedHashMap<>();
        Object protocols = m.get("protocols");
        if (protocols instanceof Map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) protocols).entrySet()) {
                contexts.put(e.getKey(), strings(e.getValue()));
            }
        }
        DisabledAlgorithms tls = DisabledAlgorithms.parse((String) m.get("tlsDisabledAlgorithms"));
        DisabledAlgorithms certpath = DisabledAlgorithms.parse((String) m.get("certpathDisabledAlgorithms"));
        JdkVersion v = JdkVersion.parse(version);
        int maxDh = v == null || v.feature() >= 9 ? 8192 : v.feature() == 8 ? 2048 : 1024;
        String desc = "Java " + version + " (" + m.get("vendor") + ") at " + m.get("javaHome");
        String source = origin == JdkTlsPolicy.Origin.FORKED
                ? "read by running the target JDK (SSLContext defaults and java.security)"
                : "read from the JDK running Maven (no targetJavaHome or targetJavaVersion given)";
        if (!jvmOptions.isEmpty()) {
            source += " started with " + String.join(" ", JvmOptions.redacted(jvmOptions));
        }
        Object cp = m.get("clientProtocolsProperty");
        if (cp != null) {
            source += "; jdk.tls.client.protocols=" + cp;
        }
        return new JdkTlsPolicy(version, desc, origin, contexts, strings(m.get("cipherSuites")), tls, certpath,
                Math.max(1, tls.minDhBits()), maxDh, source);
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        if (o instanceof List) {
            for (Object x : (List<?>) o) {
                out.add(String.valueOf(x));
            }
        }
        return out;
    }
}
