package io.tlscompat.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.record.Records;
import io.tlscompat.core.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingJsonlFileTest {
    @TempDir
    Path dir;

    @Test
    void writesOneParseableObjectPerLineAndRotatesBySize() throws Exception {
        File file = dir.resolve("tls.jsonl").toFile();
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        RotatingJsonlFile out = new RotatingJsonlFile(file, 4096, 2, new PrintStream(warnings, true, "UTF-8"));
        assertThat(out.open()).isTrue();
        for (int i = 0; i < 40; i++) {
            out.consume(Records.ok("db" + i, 1433, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        }
        out.close();
        assertThat(file).exists();
        assertThat(new File(file.getPath() + ".1")).exists();
        assertThat(new File(file.getPath() + ".2")).exists();
        assertThat(new File(file.getPath() + ".3")).doesNotExist();
        for (String name : new String[] {"tls.jsonl", "tls.jsonl.1", "tls.jsonl.2"}) {
            assertThat(dir.resolve(name).toFile().length()).isLessThanOrEqualTo(4096);
            List<String> lines = Files.readAllLines(dir.resolve(name), StandardCharsets.UTF_8);
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                assertThat(Json.parseObject(line)).containsEntry("outcome", "ok").containsKey("peerHost");
            }
        }
        assertThat(warnings.toString("UTF-8")).isEmpty();
    }

    @Test
    void unwritablePathGivesOneWarningAndNoException() throws Exception {
        File blocker = dir.resolve("not-a-dir").toFile();
        Files.write(blocker.toPath(), new byte[] {1});
        File file = new File(blocker, "tls.jsonl");
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        RotatingJsonlFile out = new RotatingJsonlFile(file, 4096, 2, new PrintStream(warnings, true, "UTF-8"));
        assertThat(out.open()).isFalse();
        out.consume(Records.ok("db1", 1433, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        out.consume(Records.ok("db1", 1433, "TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"));
        String text = warnings.toString("UTF-8");
        assertThat(text.split("\n")).hasSize(1);
        assertThat(text).startsWith("[tls-compat] cannot write " + file).contains("Fix: point log= at a writable file");
        assertThat(out.isDisabled()).isTrue();
    }
}
