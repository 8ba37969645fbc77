package io.tlscompat.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.it.support.ProcessOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class-loader isolation on the built jar: an application running under {@code -javaagent}, after the agent has
 * recorded its handshakes, cannot {@code Class.forName} any of the agent's classes — one class of every package in
 * the jar (the agent's own, core's, the relocated ASM and Bouncy Castle), plus the runtime's entry points by name.
 * Only {@code AgentEntry} (Premain-, Agent- and Main-Class) and its loader remain visible.
 */
class AgentIsolationIT {
    static final String ENTRY = "io.tlscompat.agent.AgentEntry";

    @TempDir
    Path dir;

    @Test
    void theApplicationCannotLoadAnyAgentClass() throws Exception {
        List<String> names = oneClassPerPackage();
        names.addAll(Arrays.asList("io.tlscompat.agent.AgentRuntime", "io.tlscompat.agent.cli.Main",
                "io.tlscompat.core.eval.Evaluator", "io.tlscompat.agent.shaded.asm.ClassReader"));
        assertThat(names.size()).as("packages in the jar").isGreaterThan(40);
        // The control, so the check cannot pass by failing every lookup: the entry class is meant to be visible.
        names.add(ENTRY);
        Path list = dir.resolve("names.txt");
        Files.write(list, names);
        Path log = dir.resolve("tls.jsonl");
        Path ks = dir.resolve("ks.p12");
        ProcessOutput k = ProcessOutput.run(Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair", "-alias", "s",
                "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit"), Duration.ofSeconds(60));
        assertThat(k.exitCode()).as(k.toString()).isZero();
        Path classes = Paths.get(ClassVisibilityMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessOutput out = ProcessOutput.run(Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                AgentRecords.javaagent(log, "probe=false"), "-cp", classes.toString(),
                ClassVisibilityMain.class.getName(), ks.toString(), list.toString()), Duration.ofSeconds(120));
        assertThat(out.exitCode()).as(out.toString()).isZero();
        assertThat(AgentRecords.read(log)).as("the agent ran and recorded").hasSize(2);
        List<String> loadable = new ArrayList<>();
        for (String line : out.stdout().split("\\R")) {
            if (line.startsWith("loadable=")) {
                loadable.add(line.substring("loadable=".length()));
            }
        }
        assertThat(out.stdout()).contains("ok=2 failed=0").contains("tried=" + names.size());
        assertThat(loadable).as("agent classes the application can load").containsExactly(ENTRY);
        assertThat(out.stderr()).doesNotContain("Exception");
    }

    /** The first class of every package under {@code inst/}, as a binary name. */
    private static List<String> oneClassPerPackage() throws Exception {
        Map<String, String> byPackage = new LinkedHashMap<>();
        try (JarFile jar = new JarFile(AgentRecords.jar().toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(AgentJarIT.IMPL) && name.endsWith(".classdata") && !name.contains("$")) {
                    String binary = name.substring(AgentJarIT.IMPL.length(), name.length() - ".classdata".length())
                            .replace('/', '.');
                    byPackage.putIfAbsent(binary.substring(0, binary.lastIndexOf('.')), binary);
                }
            }
        }
        return new ArrayList<>(byPackage.values());
    }
}
