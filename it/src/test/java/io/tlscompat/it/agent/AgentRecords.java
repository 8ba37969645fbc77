package io.tlscompat.it.agent;

import io.tlscompat.core.json.Json;
import io.tlscompat.it.support.ProcessOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The agent as the tests use it: the jar, the -javaagent argument, and the record file read back. */
final class AgentRecords {
    private AgentRecords() {
    }

    /** {@code java-agent/target/tls-compat-agent.jar}, from the failsafe property set in it/pom.xml. */
    static Path jar() {
        String p = System.getProperty("tlscompat.agent.jar");
        if (p == null || !Files.isRegularFile(Path.of(p))) {
            throw new IllegalStateException("agent jar not found at " + p + "; build java-agent first (mvn verify)");
        }
        return Path.of(p);
    }

    /** {@code -javaagent:<jar>=log=<file>[,more]}. */
    static String javaagent(Path log, String more) {
        return "-javaagent:" + jar() + "=log=" + log + (more == null || more.isEmpty() ? "" : "," + more);
    }

    /** Every record in the file (and its rotated siblings are not expected in tests). */
    static List<Map<String, Object>> read(Path log) throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!Files.exists(log)) {
            return out;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(Json.parseObject(line));
            }
        }
        return out;
    }

    /** The one record in the file; fails with the file's content otherwise. */
    static Map<String, Object> single(Path log) throws IOException {
        List<Map<String, Object>> all = read(log);
        if (all.size() != 1) {
            throw new AssertionError("expected one record in " + log + ", found " + all.size() + ": " + all);
        }
        return all.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> record, String key) {
        return (Map<String, Object>) record.get(key);
    }

    /** The diagnosis remediation, or null. */
    static String remediation(Map<String, Object> record) {
        Map<String, Object> d = map(record, "diagnosis");
        return d == null ? null : (String) d.get("remediation");
    }

    /** The diagnosis code, or null. */
    static String diagnosis(Map<String, Object> record) {
        Map<String, Object> d = map(record, "diagnosis");
        return d == null ? null : (String) d.get("code");
    }

    /** A self-signed PKCS12 key store {@code ks.p12} (password changeit) in {@code dir}, made once by keytool. */
    static Path keystore(Path dir) {
        Path ks = dir.resolve("ks.p12");
        if (!Files.exists(ks)) {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            ProcessOutput k = ProcessOutput.run(List.of(keytool.toString(), "-genkeypair", "-alias", "s",
                    "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit"),
                    Duration.ofSeconds(60));
            if (k.exitCode() != 0) {
                throw new AssertionError("keytool failed: " + k);
            }
        }
        return ks;
    }
}
