package io.tlscompat.agent;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.AllPermission;
import java.security.CodeSource;
import java.security.Permissions;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * {@code Premain-Class}, {@code Agent-Class} and {@code Main-Class}: the only agent class the application's class
 * loader can load. Everything else in the jar is stored as non-class resources under {@link #IMPL_PREFIX}
 * ({@code .classdata}, the way OpenTelemetry's Java agent keeps its implementation out of sight), so
 * {@code Class.forName} from the application finds none of the agent's, core's or the shaded libraries' classes.
 * {@link ImplLoader} defines them, with the platform loader as parent for the agent and the system loader for the
 * command line (which needs {@code jdk.attach}).
 *
 * <p>It does as little as possible and never throws from {@code premain}/{@code agentmain}: it puts the two tiny hook
 * classes on the boot class path, then starts {@code AgentRuntime} in that loader. It refers to no other agent class by
 * type, only by name.
 */
public final class AgentEntry {
    /** Printed when the agent cannot install itself; the JVM carries on unmodified. */
    public static final String NOT_INSTALLED = "[tls-compat] agent not installed, the application runs unmodified: ";
    /** System property set once the agent runs, so a second attach says so instead of hooking twice. */
    public static final String ACTIVE_PROPERTY = "tlscompat.agent.active";
    /** Folder of the jar that holds the implementation as {@code .classdata} and plain resources. */
    public static final String IMPL_PREFIX = "inst/";
    /** Extension of an implementation class inside {@link #IMPL_PREFIX}. */
    public static final String CLASS_DATA = ".classdata";
    static final String RUNTIME_CLASS = "io.tlscompat.agent.AgentRuntime";
    static final String CLI_CLASS = "io.tlscompat.agent.cli.Main";
    /** The hook classes JDK code calls, pre-packed at build time (java-agent pom, antrun, prepare-package). */
    static final String BOOT_JAR_RESOURCE = "tls-compat-boot.jar.bin";

    private AgentEntry() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    /** {@code java -jar tls-compat-agent.jar ...}: the command line, run from the isolated implementation. */
    public static void main(String[] args) throws Throwable {
        File jar = ownJar();
        ClassLoader loader = new ImplLoader(jar, ClassLoader.getSystemClassLoader());
        Thread.currentThread().setContextClassLoader(loader);
        Method launch = Class.forName(CLI_CLASS, true, loader).getMethod("launch", String[].class, String.class);
        try {
            launch.invoke(null, args, jar.getAbsolutePath());
        } catch (InvocationTargetException e) {
            throw e.getCause() != null ? e.getCause() : e;
        }
    }

    private static void start(String args, Instrumentation inst, boolean attached) {
        try {
            if (System.getProperty(ACTIVE_PROPERTY) != null) {
                System.err.println("[tls-compat] agent already active in this JVM ("
                        + System.getProperty(ACTIVE_PROPERTY) + "); nothing to do");
                return;
            }
            File jar = ownJar();
            inst.appendToBootstrapClassLoaderSearch(new JarFile(extractBootJar()));
            ClassLoader loader = new ImplLoader(jar, ClassLoader.getSystemClassLoader().getParent());
            Class<?> runtime = Class.forName(RUNTIME_CLASS, true, loader);
            Method m = runtime.getMethod("start", String.class, Instrumentation.class, boolean.class, String.class);
            m.invoke(null, args, inst, attached, jar.getPath());
        } catch (Throwable t) {
            Throwable cause = t instanceof InvocationTargetException && t.getCause() != null ? t.getCause() : t;
            System.err.println(NOT_INSTALLED + cause);
        }
    }

    /** Finds the jar this class came from via its own resource URL (works for -javaagent, attach and -jar). */
    static File ownJar() throws Exception {
        URL url = AgentEntry.class.getResource("AgentEntry.class");
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw new IllegalStateException("AgentEntry is not loaded from a jar (" + url + ")");
        }
        String path = url.getPath();
        String file = path.substring(0, path.indexOf("!/"));
        return new File(new URL(file).toURI());
    }

    /**
     * Writes the bootstrap jar to a temporary file for {@code appendToBootstrapClassLoaderSearch} (not
     * {@code Boot-Class-Path}: that needs the exact jar file name). Copies bytes only: no class of that jar may load
     * before it is on the boot path, and {@code File.createTempFile} would initialise {@code SecureRandom} and
     * {@code java.time} on every JVM start.
     */
    private static File extractBootJar() throws IOException {
        InputStream in = AgentEntry.class.getResourceAsStream(BOOT_JAR_RESOURCE);
        if (in == null) {
            throw new IOException(BOOT_JAR_RESOURCE + " is missing from the agent jar");
        }
        File dir = new File(System.getProperty("java.io.tmpdir"));
        File out = null;
        for (int i = 0; out == null; i++) {
            File candidate = new File(dir, "tls-compat-boot-" + System.nanoTime() + "-" + i + ".jar");
            if (candidate.createNewFile()) {
                out = candidate;
            } else if (i > 100) {
                throw new IOException("cannot create a file in " + dir);
            }
        }
        out.deleteOnExit();
        try {
            OutputStream os = new FileOutputStream(out);
            try {
                copy(in, os);
            } finally {
                os.close();
            }
        } finally {
            in.close();
        }
        return out;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
        }
    }

    /**
     * Defines the implementation classes from {@code inst/**.classdata} in the agent jar. Its classes carry a
     * protection domain of their own (the agent jar's code source with {@link AllPermission}): under an application's
     * SecurityManager, the agent's own work (writer, rotation, probe, shutdown) runs in privileged blocks
     * ({@code security.Privileged}) and would otherwise get only what the application's policy grants the agent jar,
     * often nothing. Only the agent's code gets these rights, and only inside those blocks: an access check still
     * sees every application frame outside them. Resources are read from the jar this loader opened at start-up,
     * never through a URL opened later, because this loader's own class is in the application's domain and a
     * strict policy would refuse it the file.
     */
    static final class ImplLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final JarFile jar;
        private final String jarUrl;
        private final ProtectionDomain domain;

        ImplLoader(File file, ClassLoader parent) throws IOException {
            super(parent);
            this.jar = new JarFile(file, false);
            URL location = file.toURI().toURL();
            this.jarUrl = "jar:" + location + "!/";
            Permissions all = new Permissions();
            all.add(new AllPermission());
            this.domain = new ProtectionDomain(new CodeSource(location, (Certificate[]) null), all, this, null);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            JarEntry entry = jar.getJarEntry(IMPL_PREFIX + name.replace('.', '/') + CLASS_DATA);
            if (entry == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes;
            try {
                bytes = read(jar.getInputStream(entry), entry.getSize());
            } catch (IOException e) {
                throw new ClassNotFoundException(name + ": " + e, e);
            }
            definePackageOf(name);
            return defineClass(name, bytes, 0, bytes.length, domain);
        }

        @SuppressWarnings("deprecation") // getDefinedPackage is Java 9+; this loader runs on Java 8 too
        private void definePackageOf(String className) {
            int dot = className.lastIndexOf('.');
            if (dot > 0) {
                String pkg = className.substring(0, dot);
                if (getPackage(pkg) == null) {
                    try {
                        definePackage(pkg, null, null, null, null, null, null, null);
                    } catch (IllegalArgumentException raced) {
                        // another thread defined it first: fine
                    }
                }
            }
        }

        @Override
        protected URL findResource(String name) {
            if (name.endsWith(".class") || jar.getEntry(IMPL_PREFIX + name) == null) {
                return null;
            }
            try {
                return new URL(jarUrl + IMPL_PREFIX + name);
            } catch (MalformedURLException e) {
                return null;
            }
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            if (getParent() != null) {
                InputStream fromParent = getParent().getResourceAsStream(name);
                if (fromParent != null) {
                    return fromParent;
                }
            }
            JarEntry entry = name.endsWith(".class") ? null : jar.getJarEntry(IMPL_PREFIX + name);
            if (entry == null) {
                return null;
            }
            try {
                return jar.getInputStream(entry);
            } catch (IOException e) {
                return null;
            }
        }

        @Override
        protected Enumeration<URL> findResources(String name) {
            URL url = findResource(name);
            return url == null ? Collections.<URL>emptyEnumeration() : Collections.enumeration(
                    Collections.singletonList(url));
        }

        private static byte[] read(InputStream in, long size) throws IOException {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(size > 0 ? (int) size : 8192);
                copy(in, out);
                return out.toByteArray();
            } finally {
                in.close();
            }
        }
    }
}
