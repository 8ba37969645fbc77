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

/**
 * The shipped jar: agent manifest, nothing third-party under its own name, every class loadable by Java 8, and only
 * what the agent and the command line need (at most 4 MiB; no report writers, no JCA/JSSE provider).
 */
class AgentJarIT {
    /** Issue 10's ceiling for the jar that sits on every production JVM's class path. */
    static final long MAX_JAR_BYTES = 4L * 1024 * 1024;
    /** Where the implementation lives, as non-class resources (AgentEntry.IMPL_PREFIX). */
    static final String IMPL = "inst/";
    /** The only classes the application's class loader can load. */
    static final List<String> VISIBLE_CLASSES = java.util.Arrays.asList(
            "io/tlscompat/agent/AgentEntry.class", "io/tlscompat/agent/AgentEntry$ImplLoader.class");

    /** An entry's name as the implementation loader sees it: without {@code inst/}, {@code .classdata} as .class. */
    static String implName(String entry) {
        String name = entry.startsWith(IMPL) ? entry.substring(IMPL.length()) : entry;
        return name.endsWith(".classdata") ? name.substring(0, name.length() - ".classdata".length()) + ".class" : name;
    }

    @Test
    void onlyTheEntryClassesAreClassesEverythingElseIsClassData() throws Exception {
        List<String> plainClasses = new ArrayList<>();
        int classData = 0;
        try (JarFile jar = new JarFile(AgentRecords.jar().toFile())) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.endsWith(".class")) {
                    plainClasses.add(name);
                } else if (name.endsWith(".classdata")) {
                    assertThat(name).startsWith(IMPL);
                    classData++;
                }
            }
        }
        assertThat(plainClasses).containsExactlyInAnyOrderElementsOf(VISIBLE_CLASSES);
        assertThat(classData).isGreaterThan(100);
    }

    @Test
    void jarHoldsOnlyWhatTheAgentNeeds() throws Exception {
        assertThat(AgentRecords.jar().toFile().length()).as("agent jar size in bytes").isLessThanOrEqualTo(MAX_JAR_BYTES);
        try (JarFile jar = new JarFile(AgentRecords.jar().toFile())) {
            List<String> unwanted = new ArrayList<>();
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                String name = implName(entries.nextElement().getName());
                if (name.startsWith("io/tlscompat/core/report/")
                        || name.startsWith("io/tlscompat/agent/shaded/bouncycastle/jcajce/provider/")
                        || name.startsWith("io/tlscompat/agent/shaded/bouncycastle/jce/provider/")
                        || name.startsWith("io/tlscompat/agent/shaded/bouncycastle/jsse/")) {
                    unwanted.add(name);
                }
            }
            assertThat(unwanted).as("classes the agent and CLI never use").isEmpty();
            // What the background probe's certificate handshake does need must have survived minimisation.
            assertThat(jar.getEntry(IMPL + "io/tlscompat/agent/shaded/bouncycastle/tls/TlsClientProtocol.classdata"))
                    .isNotNull();
            assertThat(jar.getEntry(IMPL
                    + "io/tlscompat/agent/shaded/bouncycastle/tls/crypto/impl/bc/BcTlsCrypto.classdata")).isNotNull();
            assertThat(jar.getEntry(IMPL + "io/tlscompat/core/probe/TdsProbe.classdata")).isNotNull();
        }
    }

    @Test
    void manifestDeclaresTheAgent() throws Exception {
        try (JarFile jar = new JarFile(AgentRecords.jar().toFile())) {
            Attributes a = jar.getManifest().getMainAttributes();
            assertThat(a.getValue("Premain-Class")).isEqualTo("io.tlscompat.agent.AgentEntry");
            assertThat(a.getValue("Agent-Class")).isEqualTo("io.tlscompat.agent.AgentEntry");
            assertThat(a.getValue("Can-Retransform-Classes")).isEqualTo("true");
            assertThat(a.getValue("Main-Class")).isEqualTo("io.tlscompat.agent.AgentEntry");
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
                String name = implName(e.getName());
                if (!name.endsWith(".class")) {
                    continue;
                }
                classes++;
                if (!name.startsWith("io/tlscompat/")) {
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
            assertThat(jar.getEntry(IMPL + "io/tlscompat/agent/shaded/asm/ClassReader.classdata")).isNotNull();
            assertThat(jar.getEntry(IMPL + "org/objectweb/asm/ClassReader.classdata")).isNull();
        }
        assertThat(classes).isGreaterThan(100);
        assertThat(foreign).as("unrelocated third-party classes").isEmpty();
        assertThat(tooNew).as("classes a Java 8 JVM cannot load").isEmpty();
    }
}
