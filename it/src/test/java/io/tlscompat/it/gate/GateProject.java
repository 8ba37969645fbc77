package io.tlscompat.it.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real Maven project for one gate scenario: a pom.xml declaring a SQL Server driver and the tls-compat plugin
 * with its configuration, written to a temporary directory. Built in code, not copied from resources, so each test
 * shows its whole input in one place.
 */
final class GateProject {
    static final String PLUGIN_VERSION = "0.1.0-SNAPSHOT";
    /** Driver versions the it/ module already resolves (maven-dependency-plugin copy-drivers), so -o works. */
    static final String MSSQL_JDBC_13 = "13.2.1.jre11";

    private final Path dir;
    private final List<String> dependencies = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();

    private GateProject(Path dir) {
        this.dir = dir;
    }

    static GateProject in(Path dir) {
        return new GateProject(dir);
    }

    GateProject mssqlJdbc(String version) {
        return dependency("com.microsoft.sqlserver", "mssql-jdbc", version);
    }

    GateProject dependency(String groupId, String artifactId, String version) {
        dependencies.add("    <dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId
                + "</artifactId><version>" + version + "</version></dependency>\n");
        return this;
    }

    /** A target URL in {@code <targets>}; XML special characters are escaped. */
    GateProject target(String url) {
        targets.add(url.replace("&", "&amp;").replace("<", "&lt;"));
        return this;
    }

    Path write() throws IOException {
        StringBuilder pom = new StringBuilder();
        pom.append("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">\n")
                .append("  <modelVersion>4.0.0</modelVersion>\n")
                .append("  <groupId>it.gate</groupId>\n  <artifactId>").append(dir.getFileName())
                .append("</artifactId>\n  <version>1.0</version>\n")
                .append("  <properties><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>"
                        + "</properties>\n")
                .append("  <dependencies>\n");
        for (String d : dependencies) {
            pom.append(d);
        }
        pom.append("  </dependencies>\n  <build>\n    <plugins>\n      <plugin>\n")
                .append("        <groupId>io.tlscompat</groupId>\n")
                .append("        <artifactId>tls-compat-maven-plugin</artifactId>\n")
                .append("        <version>").append(PLUGIN_VERSION).append("</version>\n")
                .append("        <configuration>\n");
        if (!targets.isEmpty()) {
            pom.append("          <targets>\n");
            for (String t : targets) {
                pom.append("            <target>").append(t).append("</target>\n");
            }
            pom.append("          </targets>\n");
        }
        pom.append("        </configuration>\n      </plugin>\n    </plugins>\n")
                .append("  </build>\n</project>\n");
        Files.createDirectories(dir);
        Files.write(dir.resolve("pom.xml"), pom.toString().getBytes(StandardCharsets.UTF_8));
        return dir;
    }
}
