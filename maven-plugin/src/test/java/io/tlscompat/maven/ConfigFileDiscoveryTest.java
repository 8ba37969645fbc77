package io.tlscompat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileDiscoveryTest {
    private static final List<Function<String, String>> NONE = Collections.emptyList();

    @Test
    void propertiesFollowJavaUtilPropertiesEscapesContinuationsAndSeparators() throws Exception {
        String text = "# generated\n"                                                          // 1
                + "spring.datasource.url=jdbc\\:sqlserver\\://db1\\:1433;encrypt\\=true\n"     // 2
                + "app.other : jdbc:jtds:sqlserver://db2:1444;\\\n"                            // 3
                + "    ssl=require\n"                                                           // 4
                + "quarkus.datasource.jdbc.url jdbc:sqlserver://\\u0064b3:1435\n"              // 5
                + "! a comment ending in a backslash \\\n"                                      // 6
                + "spring.datasource.password=hunter2\n";                                       // 7
        List<ConfigEntry> e = PropertiesFileReader.read(text, "a.properties", null);
        assertThat(e).extracting(x -> x.key + "=" + x.value + "@" + x.line).containsExactly(
                "spring.datasource.url=jdbc:sqlserver://db1:1433;encrypt=true@2",
                "app.other=jdbc:jtds:sqlserver://db2:1444;ssl=require@3",
                "quarkus.datasource.jdbc.url=jdbc:sqlserver://db3:1435@5",
                "spring.datasource.password=hunter2@7");
    }

    @Test
    void propertiesDocumentsCarryTheirOwnProfile() throws Exception {
        String text = "a.url=jdbc:sqlserver://db1\n#---\nspring.config.activate.on-profile=prod\n"
                + "a.url=jdbc:sqlserver://db2\n";
        List<ConfigEntry> e = PropertiesFileReader.read(text, "a.properties", null);
        assertThat(e).extracting(x -> x.value + "@" + x.line + "/" + x.profile).contains(
                "jdbc:sqlserver://db1@1/null", "jdbc:sqlserver://db2@4/prod");
    }

    @Test
    void yamlNestedFlowQuotedAndMultiDocument() {
        String yaml = "spring:\n"                                                  // 1
                + "  datasource: # main\n"                                           // 2
                + "    url: 'jdbc:sqlserver://db1:1433;encrypt=true'\n"              // 3
                + "app: {reporting: {jdbc-url: \"r2dbc:mssql://db2:1500?ssl=true\"}}\n" // 4
                + "micronaut:\n  datasources:\n    - url: jdbc:sqlserver://db3\n"   // 5-7
                + "---\n"                                                            // 8
                + "spring:\n"                                                        // 9
                + "  config.activate.on-profile: prod\n"                             // 10
                + "  datasource.url: jdbc:sqlserver://db4\n";                        // 11
        List<ConfigEntry> e = YamlFileReader.read(yaml, "a.yml", null);
        assertThat(e).extracting(x -> x.key + "=" + x.value + "@" + x.line + "/" + x.profile).contains(
                "spring.datasource.url=jdbc:sqlserver://db1:1433;encrypt=true@3/null",
                "app.reporting.jdbc-url=r2dbc:mssql://db2:1500?ssl=true@4/null",
                "micronaut.datasources[0].url=jdbc:sqlserver://db3@7/null",
                "spring.datasource.url=jdbc:sqlserver://db4@11/prod");
    }

    @Test
    void placeholdersResolveFromSourcesThenDefaultsAndNameWhatIsMissing() {
        Map<String, String> env = new HashMap<>();
        env.put("DB_HOST", "db9");
        List<Function<String, String>> sources = PlaceholderResolver.sources(Collections.emptyMap(),
                Collections.emptyMap(), env, Collections.emptyMap());
        PlaceholderResolver r = new PlaceholderResolver(sources);
        assertThat(r.resolve("jdbc:sqlserver://${db.host}:${DB_PORT:${OTHER:1433}}").value)
                .isEqualTo("jdbc:sqlserver://db9:1433");
        PlaceholderResolver.Result missing = r.resolve("jdbc:sqlserver://${NOPE}:1433");
        assertThat(missing.unresolved).containsExactly("NOPE");
    }

    @Test
    void placeholderSourcesFollowSpringPrecedence() {
        Map<String, String> user = Collections.singletonMap("a", "from -D");
        Map<String, String> system = new HashMap<>();
        system.put("a", "from system");
        system.put("b", "from system");
        Map<String, String> env = new HashMap<>();
        env.put("B", "from env");
        env.put("C", "from env");
        Map<String, String> project = new HashMap<>();
        project.put("c", "from project");
        project.put("d", "from project");
        PlaceholderResolver r = new PlaceholderResolver(PlaceholderResolver.sources(user, system, env, project));
        assertThat(r.resolve("${a}|${b}|${c}|${d}|${e:default}").value)
                .isEqualTo("from -D|from system|from env|from project|default");
    }

    @Test
    void everyProfileByDefaultTheChosenOnesWinningOtherwise(@TempDir File dir) throws Exception {
        File res = new File(dir, "src/main/resources");
        res.mkdirs();
        write(res, "application.properties", "spring.datasource.url=jdbc:sqlserver://base:1433\n"
                + "other.key=not a url\n");
        write(res, "application-prod.yml", "spring.datasource.url: jdbc:sqlserver://prod:1433\n");
        write(res, "application-eu.yaml", "spring.datasource.url: jdbc:sqlserver://eu:1433\n");
        assertThat(urls(ConfigFileDiscovery.discover(dir, Collections.emptyList(), NONE))).containsExactly(
                "jdbc:sqlserver://base:1433", "jdbc:sqlserver://eu:1433", "jdbc:sqlserver://prod:1433");
        assertThat(urls(ConfigFileDiscovery.discover(dir, Arrays.asList("prod"), NONE)))
                .containsExactly("jdbc:sqlserver://prod:1433");
        assertThat(urls(ConfigFileDiscovery.discover(dir, Arrays.asList("prod", "eu"), NONE)))
                .containsExactly("jdbc:sqlserver://eu:1433");
        ConfigFileDiscovery.Result all = ConfigFileDiscovery.discover(dir, Collections.emptyList(), NONE);
        assertThat(all.profiles).containsExactly("eu", "prod");
        assertThat(all.found.get(2).entry.origin()).isEqualTo("src/main/resources/application-prod.yml:1");
    }

    @Test
    void anUnresolvablePlaceholderInASqlServerUrlIsReportedWithItsFile(@TempDir File dir) throws Exception {
        File res = new File(dir, "src/main/resources");
        res.mkdirs();
        write(res, "application.yml", "db:\n  url: jdbc:sqlserver://${MISSING_HOST}:1433\n");
        ConfigFileDiscovery.Result r = ConfigFileDiscovery.discover(dir, Collections.emptyList(), NONE);
        assertThat(r.found).isEmpty();
        assertThat(r.unresolved).hasSize(1);
        assertThat(r.unresolved.get(0).placeholder).isEqualTo("MISSING_HOST");
        assertThat(r.unresolved.get(0).entry.origin()).isEqualTo("src/main/resources/application.yml:2");
    }

    @Test
    void badYamlNamesTheFile(@TempDir File dir) throws Exception {
        File res = new File(dir, "src/main/resources");
        res.mkdirs();
        write(res, "application.yml", "spring: [unclosed\n");
        assertThatThrownBy(() -> ConfigFileDiscovery.discover(dir, Collections.emptyList(), NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("src/main/resources/application.yml is not valid YAML: ");
    }

    private static List<String> urls(ConfigFileDiscovery.Result r) {
        List<String> out = new ArrayList<>();
        for (ConfigFileDiscovery.Found f : r.found) {
            out.add(f.url);
        }
        return out;
    }

    private static void write(File dir, String name, String text) throws Exception {
        Files.write(new File(dir, name).toPath(), text.getBytes(StandardCharsets.UTF_8));
    }
}
