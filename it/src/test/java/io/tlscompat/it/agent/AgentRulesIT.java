package io.tlscompat.it.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlscompat.it.support.ClientOutcome;
import io.tlscompat.it.support.JdbcClient;
import io.tlscompat.it.support.JdbcDriver;
import io.tlscompat.it.support.ProcessOutput;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of issue 4 section 6, with real forked JVMs: the application never notices the agent. */
class AgentRulesIT {
    private static Simulator sql2019;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        sql2019 = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0);
    }

    @AfterAll
    static void stop() {
        if (sql2019 != null) {
            sql2019.close();
        }
    }

    @Test
    void malformedOptionsGiveOneLineAndTheApplicationRunsUnmodified() {
        JdbcDriver d = JdbcDriver.MSSQL_13_2;
        var run = JdbcClient.with(d).jvmArgs("-javaagent:" + AgentRecords.jar() + "=log=x.jsonl,bogus=1")
                .connect(d.url(sql2019.port(), "encrypt=true;trustServerCertificate=true"));
        assertThat(run.single().isLoginFailed()).as(run.toString()).isTrue();
        List<String> ours = agentLines(run.stderr());
        assertThat(ours).containsExactly("[tls-compat] agent not started: unknown agent option 'bogus'; valid"
                + " options: log, maxFileSize, maxFiles, stderr, probe, probeInterval, queue, jfr, jmx, summary");
    }

    @Test
    void unwritableLogPathWarnsOnceAndStillReportsFailures() throws Exception {
        Path blocker = dir.resolve("not-a-directory");
        Files.write(blocker, new byte[] {1});
        Path log = blocker.resolve("tls.jsonl");
        JdbcDriver d = JdbcDriver.MSSQL_13_2;
        var run = JdbcClient.with(d).repeat(3).jvmArgs(AgentRecords.javaagent(log, "probe=false"))
                .connect(d.url(sql2019.port(), ""));
        assertThat(run.outcomes()).allMatch(o -> o.outcome().equals(ClientOutcome.EXCEPTION));
        List<String> ours = agentLines(run.stderr());
        assertThat(ours.stream().filter(l -> l.startsWith("[tls-compat] cannot write " + log))).hasSize(1);
        assertThat(ours.stream().filter(l -> l.contains("client-rejected from localhost:" + sql2019.port()
                + " after the server Certificate: certificate-untrusted"))).hasSize(1);
        // The same failure again is folded by the stderr rate limit (at exit here: the JVM is short-lived).
        assertThat(ours.stream().filter(l -> l.matches("\\[tls-compat\\] \u2026 and 2 more client rejections from"
                + " localhost:" + sql2019.port() + " since \\d\\d:\\d\\d:\\d\\d, certificate-untrusted"))).hasSize(1);
        assertThat(ours.get(ours.size() - 1)).startsWith("[tls-compat] summary: 3 handshakes, 3 failed");
    }

    private static List<String> agentLines(String stderr) {
        List<String> out = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            if (line.startsWith("[tls-compat]") && !line.startsWith("[tls-compat] agent active")) {
                out.add(line.trim());
            }
        }
        return out;
    }

    private Path keystore() {
        return AgentRecords.keystore(dir);
    }

    private ProcessOutput concurrent(Path log, String options, int threads, int each) throws Exception {
        Path ks = keystore();
        Path classes = Paths.get(ConcurrentHandshakesMain.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI());
        List<String> cmd = Arrays.asList(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                AgentRecords.javaagent(log, options), "-cp", classes.toString(),
                ConcurrentHandshakesMain.class.getName(), ks.toString(), Integer.toString(threads),
                Integer.toString(each));
        ProcessOutput out = ProcessOutput.run(cmd, Duration.ofSeconds(180));
        assertThat(out.exitCode()).as(out.toString()).isZero();
        return out;
    }

    @Test
    void worksBesideAnApplicationThatBringsItsOwnAsmAndBouncyCastle() throws Exception {
        Path asm = Paths.get(System.getProperty("user.home"), ".m2/repository/org/ow2/asm/asm/9.2/asm-9.2.jar");
        assumeTrue(Files.isRegularFile(asm), "no ASM 9.2 in ~/.m2 to play the application's own ASM");
        Path bc = Paths.get(Class.forName("org.bouncycastle.jce.provider.BouncyCastleProvider")
                .getProtectionDomain().getCodeSource().getLocation().toURI());
        Path log = dir.resolve("tls.jsonl");
        Path classes = Paths.get(OwnLibrariesMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String cp = asm + java.io.File.pathSeparator + bc + java.io.File.pathSeparator + classes;
        ProcessOutput out = ProcessOutput.run(Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                AgentRecords.javaagent(log, "probe=false"), "-cp", cp, OwnLibrariesMain.class.getName(),
                keystore().toString()), Duration.ofSeconds(120));
        assertThat(out.exitCode()).as(out.toString()).isZero();
        // The application sees its own libraries, not the agent's (relocated, in the agent's own class loader).
        assertThat(out.stdout()).contains("asm=" + asm.toFile().toURI()).contains("bc=" + bc.toFile().toURI())
                .contains("ok=4 failed=0");
        assertThat(AgentRecords.read(log)).hasSize(4).allSatisfy(r -> assertThat(r).containsEntry("outcome", "ok"));
    }

    @Test
    void jmxShowsTheSameFactsAsTheFile() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        Path classes = Paths.get(JmxReadingMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ProcessOutput out = ProcessOutput.run(Arrays.asList(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                AgentRecords.javaagent(log, "probe=false"), "-cp", classes.toString(),
                JmxReadingMain.class.getName(), keystore().toString()), Duration.ofSeconds(120));
        assertThat(out.exitCode()).as(out.toString()).isZero();
        List<Map<String, Object>> records = AgentRecords.read(log);
        assertThat(records).hasSize(6);
        Map<String, Object> last = records.get(records.size() - 1);
        assertThat(out.stdout()).contains("jmx attempts=6 written=6 ok=6 server=localhost:" + last.get("peerPort")
                + " lastProtocol=" + last.get("protocol") + " lastCipherSuite=" + last.get("cipherSuite"));
    }

    @Test
    void sixtyFourThreadsHandshakingAtOnceAreAllRecorded() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        ProcessOutput out = concurrent(log, "probe=false,jfr=false", 64, 5);
        assertThat(out.stdout()).contains("ok=320 failed=0");
        List<Map<String, Object>> records = AgentRecords.read(log);
        assertThat(records).hasSize(320);
        assertThat(records).allSatisfy(r -> assertThat(r).containsEntry("outcome", "ok")
                .containsEntry("phase", "finished"));
        assertThat(records.stream().map(r -> r.get("thread")).distinct().count()).isEqualTo(64);
        assertThat(out.stderr()).contains("[tls-compat] summary: 320 handshakes, 0 failed, 0 records dropped");
    }

    @Test
    void aWriterThatCannotKeepUpDropsAndCountsButNeverBlocks() throws Exception {
        Path log = dir.resolve("tls.jsonl");
        // A one-slot queue: whatever the writer cannot take at once is dropped and counted.
        ProcessOutput out = concurrent(log, "probe=false,jfr=false,queue=1", 64, 5);
        assertThat(out.stdout()).contains("ok=320 failed=0");
        // Records are dropped; counters are not: the summary counts every handshake.
        Matcher m = Pattern.compile("summary: 320 handshakes, 0 failed, (\\d+) records dropped")
                .matcher(out.stderr());
        assertThat(m.find()).as(out.stderr()).isTrue();
        long dropped = Long.parseLong(m.group(1));
        assertThat(AgentRecords.read(log).size() + dropped).isEqualTo(320);
    }
}
