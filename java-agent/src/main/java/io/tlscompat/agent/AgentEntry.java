package io.tlscompat.agent;

import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.AllPermission;
import java.security.CodeSource;
import java.security.PermissionCollection;
import java.security.Permissions;
import java.util.jar.JarFile;

/**
 * {@code Premain-Class} and {@code Agent-Class}. Does as little as possible and never throws: it puts the tiny hook
 * classes on the boot class path, then starts {@code AgentRuntime} in a class loader of its own (parent: the
 * platform/extension loader), so the agent's ASM and core classes never mix with the application's. It refers to
 * no other agent class by type, only by name, because this class itself is loaded by the application loader.
 *
 * <p>That loader gives the classes it defines a protection domain holding {@code AllPermission}: under an
 * application's SecurityManager, the agent's own work (writer, rotation, probe, shutdown) runs in privileged blocks
 * ({@code security.Privileged}) and would otherwise get only what the application's policy grants the agent jar,
 * often nothing. Only the agent's code gets these rights, and only inside those blocks: an access check still sees
 * every application frame outside them.
 */
public final class AgentEntry {
    /** Printed when the agent cannot install itself; the JVM carries on unmodified. */
    public static final String NOT_INSTALLED = "[tls-compat] agent not installed, the application runs unmodified: ";
    /** System property set once the agent runs, so a second attach says so instead of hooking twice. */
    public static final String ACTIVE_PROPERTY = "tlscompat.agent.active";
    static final String RUNTIME_CLASS = "io.tlscompat.agent.AgentRuntime";

    private AgentEntry() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    private static void start(String args, Instrumentation inst, boolean attached) {
        try {
            if (System.getProperty(ACTIVE_PROPERTY) != null) {
                System.err.println("[tls-compat] agent already active in this JVM ("
                        + System.getProperty(ACTIVE_PROPERTY) + "); nothing to do");
                return;
            }
            File jar = ownJar();
            File bootJar = BootstrapJar.extract();
            inst.appendToBootstrapClassLoaderSearch(new JarFile(bootJar));
            ClassLoader parent = ClassLoader.getSystemClassLoader().getParent();
            URLClassLoader loader = new OwnLoader(new URL[] {jar.toURI().toURL()}, parent);
            Class<?> runtime = Class.forName(RUNTIME_CLASS, true, loader);
            Method m = runtime.getMethod("start", String.class, Instrumentation.class, boolean.class, String.class);
            m.invoke(null, args, inst, attached, jar.getPath());
        } catch (Throwable t) {
            Throwable cause = t instanceof java.lang.reflect.InvocationTargetException && t.getCause() != null
                    ? t.getCause() : t;
            System.err.println(NOT_INSTALLED + cause);
        }
    }

    /** The agent's class loader: its classes carry {@code AllPermission} (see the class comment for why). */
    static final class OwnLoader extends URLClassLoader {
        static {
            registerAsParallelCapable();
        }

        OwnLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected PermissionCollection getPermissions(CodeSource source) {
            Permissions all = new Permissions();
            all.add(new AllPermission());
            return all;
        }
    }

    /** Finds the jar this class came from via its own resource URL (works for -javaagent and attach). */
    public static File ownJar() throws Exception {
        URL url = AgentEntry.class.getResource("AgentEntry.class");
        if (url == null || !"jar".equals(url.getProtocol())) {
            throw new IllegalStateException("AgentEntry is not loaded from a jar (" + url + ")");
        }
        String path = url.getPath();
        String file = path.substring(0, path.indexOf("!/"));
        return new File(new URL(file).toURI());
    }
}
