package io.tlscompat.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PomLinesTest {
    @Test
    void aTargetIsFoundByItsTextOrElseByItsPlaceAmongTheTargets(@TempDir File dir) throws Exception {
        File pom = new File(dir, "pom.xml");
        Files.write(pom.toPath(), Arrays.asList(
                "<project>",                                                     // 1
                "  <dependency><artifactId>mssql-jdbc</artifactId></dependency>", // 2
                "  <configuration>",                                             // 3
                "    <targets>",                                                 // 4
                "      <target>jdbc:sqlserver://db1:1433</target>",              // 5
                "      <target>jdbc:sqlserver://${db2.host}:1433</target>",      // 6
                "    </targets>",                                                // 7
                "    <target>not a gate target</target>",                        // 8
                "  </configuration>",                                            // 9
                "</project>"), StandardCharsets.UTF_8);
        PomLines lines = new PomLines(pom);
        assertThat(lines.targetLine("jdbc:sqlserver://db1:1433", 0)).isEqualTo(5);
        // Maven interpolated the second one: its text is not in the file, its element is.
        assertThat(lines.targetLine("jdbc:sqlserver://db2.corp:1433", 1)).isEqualTo(6);
        assertThat(lines.targetLine("jdbc:sqlserver://db3:1433", 2)).isEqualTo(1);
        assertThat(lines.dependencyLine("mssql-jdbc")).isEqualTo(2);
        assertThat(new PomLines(new File(dir, "missing.xml")).targetLine("x", 0)).isEqualTo(1);
    }
}
