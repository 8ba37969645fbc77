package io.tlscompat.it.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shipped jar: agent manifest, nothing third-party under its own name, every class loadable by Java 8. */
class AgentJarIT {
    @Test
    void manifestDeclaresTheAgent() throws Exception {
        try (JarFile jar = new JarFile(AgentRecords.jar().toFile())) {
            Attributes a = jar.getManifest().getMainAttributes();
            assertThat(a.getValue("Premain-Class")).isEqualTo("io.tlscompat.agent.AgentEntry");
            assertThat(a.getValue("Agent-Class")).isEqualTo("io.tlscompat.agent.AgentEntry");
            assertThat(a.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(a.getValue("Main-Class")).isEqualTo("io.tlscompat.agent.cli.Main");
            assertThat(a.getValue("Boot-Class-Path")).as("bootstrap classes are injected at run time").isNull();
        }
    }

    @Test
    void everyClassIsOursOrRelocatedAndJava8() throws Exception {
        List<String> foreign = new ArrayList<>();
        List<String> tooNew = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(AgentRecords.jar().toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (!e.getName().endsWith(".class")) {
                    continue;
                }
                classes++;
                if (!e.getName().startsWith("io/tlscompat/")) {
                    foreign.add(e.getName());
                }
                try (InputStream in = jar.getInputStream(e)) {
                    DataInputStream d = new DataInputStream(in);
                    int magic = d.readInt();
                    d.readUnsignedShort();
                    int major = d.readUnsignedShort();
                    if (magic != 0xCAFEBABE || major > 52) {
                        tooNew.add(e.getName() + " major " + major);
                    }
                }
            }
            assertThat(jar.getEntry("io/tlscompat/agent/shaded/asm/ClassReader.class")).isNotNull();
            assertThat(jar.getEntry("org/objectweb/asm/ClassReader.class")).isNull();
        }
        assertThat(classes).isGreaterThan(100);
        assertThat(foreign).as("unrelocated third-party classes").isEmpty();
        assertThat(tooNew).as("classes a Java 8 JVM cannot load").isEmpty();
    }
}
