package io.tlscompat.it.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlscompat.it.support.ProcessOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, the agent under hostile conditions, each in a forked application JVM with {@code -javaagent}: a strict
 * SecurityManager policy, a one-slot queue, a storm of failures, and an application closing its own socket.
 */
class AgentHostileConditionsIT {
    /** The folded stderr line of {@code FailureLineLimiter.FOLDED}, as the user reads it. */
    private static final Pattern FOLDED = Pattern.compile("^\\[tls-compat\\] \u2026 and ([0-9,]+) more (.+) from"
            + " (\\S+) since \\d\\d:\\d\\d:\\d\\d, (.+)$");

    @TempDir
    Path dir;

    private ProcessOutput fork(Class<?> main, List<String> jvmArgs, String... args) throws Exception {
        Path classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(classes.toString());
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessOutput out = ProcessOutput.run(cmd, Duration.ofSeconds(180));
        assertThat(out.exitCode()).as(out.toString()).isZero();
        return out;
    }

    /** Every record of the file and its rotated siblings ({@code tls.jsonl.1} …). */
    private static List<Map<String, Object>> readRotated(Path log) throws Exception {
        List<Map<String, Object>> all = new ArrayList<>(AgentRecords.read(log));
        for (int i = 1; Files.exists(Path.of(log + "." + i)); i++) {
            all.addAll(AgentRecords.read(Path.of(log + "." + i)));
        }
        return all;
    }

    private static List<String> failureLines(String stderr) {
        List<String> out = new ArrayList<>();
        for (String line : stderr.split("\\R")) {
            if (line.startsWith("[tls-compat]") && !line.startsWith("[tls-compat] agent active")
                    && !line.startsWith("[tls-compat] summary:")) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void underASecurityManagerWithASocketOnlyPolicyRecordsAndRotationWorkWithoutAStackTrace() throws Exception {
        assumeTrue(Runtime.version().feature() < 24, "JDK 24+ cannot enable a SecurityManager (JEP 486)");
        Path policy = dir.resolve("socket-only.policy");
        Files.writeString(policy, "grant {\n    permission java.net.SocketPermission \"*\","
                + " \"connect,accept,listen,resolve\";\n};\n", StandardCharsets.UTF_8);
        Path log = dir.resolve("logs").resolve("tls.jsonl");
        // Each record is about 2 kB: every one rotates the 1k file. The default probe=true runs too.
        ProcessOutput out = fork(SecurityManagerMain.class, List.of("-Djava.security.manager=allow",
                "-Djava.security.policy==" + policy, AgentRecords.javaagent(log, "maxFileSize=1k,maxFiles=50")),
                AgentRecords.keystore(dir).toString(), "20", "2");
        assertThat(out.stdout()).as("the application is really confined").contains("confined")
                .contains("ok=20 failed=0 refused=1");
        assertThat(out.stderr()).doesNotContain("\tat ").doesNotContain("Exception in thread")
                .doesNotContain("AccessControlException").doesNotContain("could not write a record");
        List<Map<String, Object>> records = readRotated(log);
        assertThat(records).hasSize(21);
        assertThat(records.stream().filter(r -> "ok".equals(r.get("outcome")))).hasSize(20);
        assertThat(Files.exists(Path.of(log + ".1"))).as("rotated").isTrue();
        assertThat(out.stderr()).contains("[tls-compat] summary: 21 handshakes, 1 failed");
    }

    @Test
    void aOneSlotQueueDropsRecordsButTheSummaryAndTheMBeanCountEveryHandshake() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        ProcessOutput out = fork(CountingUnderOverloadMain.class,
                List.of(AgentRecords.javaagent(log, "probe=false,jfr=false,queue=1")),
                AgentRecords.keystore(dir).toString(), "4", "75");
        Matcher jmx = Pattern.compile("ok=300 failed=0 jmx attempts=300 ok=300 failures=0 dropped=(\\d+)"
                + " written=(\\d+)").matcher(out.stdout());
        assertThat(jmx.find()).as(out.toString()).isTrue();
        Matcher summary = Pattern.compile("\\[tls-compat\\] summary: 300 handshakes, 0 failed, (\\d+) records"
                + " dropped; localhost:\\d+ 300/300 ok").matcher(out.stderr());
        assertThat(summary.find()).as(out.stderr()).isTrue();
        long dropped = Long.parseLong(summary.group(1));
        assertThat(AgentRecords.read(log).size() + dropped).as("records are dropped, never counters")
                .isEqualTo(300);
    }

    @Test
    void aStormOfFailuresKeepsStderrToTheDocumentedRateAndTheFileComplete() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        ProcessOutput out = fork(FailureStormMain.class, List.of(AgentRecords.javaagent(log,
                "probe=false,jfr=false,queue=8192")), "8", "188");
        assertThat(out.stdout()).contains("ok=0 failed=1504");
        List<Map<String, Object>> records = AgentRecords.read(log);
        assertThat(records).hasSize(1504);
        List<String> lines = failureLines(out.stderr());
        // One full line per kind of failure, then at most one folded line per 10 s while they last, and one at exit.
        long kinds = lines.stream().filter(l -> !FOLDED.matcher(l).matches()).count();
        long allowed = kinds * (2 + out.elapsedMillis() / 10_000);
        assertThat((long) lines.size()).as(String.join("\n", lines)).isLessThanOrEqualTo(allowed);
        assertThat(kinds).as(String.join("\n", lines)).isBetween(1L, 3L);
        long folded = 0;
        for (String l : lines) {
            Matcher m = FOLDED.matcher(l);
            if (m.matches()) {
                folded += Long.parseLong(m.group(1).replace(",", ""));
                assertThat(m.group(2)).isEqualTo("resets");
            }
        }
        assertThat(kinds + folded).as("every failure is either a line or counted in one").isEqualTo(1504);
    }

    @Test
    void anApplicationClosingItsOwnSocketIsClosedLocallyWithoutProbeAndExitsAtOnce() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        ProcessOutput out = fork(LocalCloseMain.class, List.of(AgentRecords.javaagent(log, "jfr=false")));
        long exited = System.currentTimeMillis();
        Matcher m = Pattern.compile("layered=(.*) direct=(.*) connections=(\\d+) end=(\\d+)")
                .matcher(out.stdout());
        assertThat(m.find()).as(out.toString()).isTrue();
        assertThat(m.group(1)).contains("Socket closed");
        assertThat(m.group(3)).as("no probe connected to the server").isEqualTo("2");
        assertThat(exited - Long.parseLong(m.group(4))).as("JVM exit after main's end, ms").isLessThan(2000);
        List<Map<String, Object>> records = AgentRecords.read(log);
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r).containsEntry("outcome", "closed-locally").containsEntry("phase", "client-hello-sent");
            assertThat(r.get("diagnosis")).isNull();
        });
        Object port = records.get(0).get("peerPort");
        // Both are the same kind of failure: the first has its line, the second is folded at exit.
        List<String> lines = failureLines(out.stderr());
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("[tls-compat] closed-locally from localhost:" + port + " after"
                + " ClientHello: the application closed the socket or interrupted the thread during the handshake;"
                + " not the server's doing");
        assertThat(lines.get(1)).matches("\\[tls-compat\\] \u2026 and 1 more local closes from localhost:" + port
                + " since \\d\\d:\\d\\d:\\d\\d, no diagnosis");
    }
}
