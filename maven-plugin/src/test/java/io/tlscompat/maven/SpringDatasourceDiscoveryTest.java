package io.tlscompat.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpringDatasourceDiscoveryTest {
    @TempDir
    Path project;

    private void write(String name, String text) throws Exception {
        Path dir = Files.createDirectories(project.resolve("src/main/resources"));
        Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void propertiesAndNestedOrDottedYamlWithTheirLines() throws Exception {
        write("application.properties", "# db\nspring.datasource.url=jdbc:sqlserver://db1:1433;encrypt=true\n");
        write("application-prod.yml", "spring:\n  jpa:\n    open-in-view: false\n  datasource:\n"
                + "    url: 'jdbc:jtds:sqlserver://db2:1433/app;ssl=require'\n");
        write("application-test.yaml", "spring.datasource.url: jdbc:sqlserver://db3\n");
        List<SpringDatasourceDiscovery.Found> found = SpringDatasourceDiscovery.discover(project.toFile());
        assertThat(found).extracting(f -> f.url).containsExactly("jdbc:sqlserver://db1:1433;encrypt=true",
                "jdbc:jtds:sqlserver://db2:1433/app;ssl=require", "jdbc:sqlserver://db3");
        assertThat(found).extracting(f -> f.path + ":" + f.line).containsExactly(
                "src/main/resources/application.properties:2", "src/main/resources/application-prod.yml:5",
                "src/main/resources/application-test.yaml:1");
    }

    @Test
    void placeholdersOtherDatabasesAndSiblingKeysAreNotTargets() throws Exception {
        write("application.properties", "spring.datasource.url=${DB_URL}\n");
        write("application.yml", "spring:\n  datasource:\n    url: jdbc:postgresql://pg/app\n"
                + "other:\n  url: jdbc:sqlserver://not-a-datasource\n");
        assertThat(SpringDatasourceDiscovery.discover(project.toFile())).isEmpty();
        assertThat(SpringDatasourceDiscovery.discover(new File(project.toFile(), "missing"))).isEmpty();
    }
}
