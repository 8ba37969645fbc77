package io.tlscompat.agent.cli;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The Attach API ({@code com.sun.tools.attach}) through reflection: it lives in the {@code jdk.attach} module on
 * 9+ and in {@code tools.jar} on 8, neither of which {@code --release 8} compiles against. Messages are constants.
 */
final class AttachSupport {
    static final String NO_ATTACH_API = "the Attach API is not available in this Java (%s); run the command with a"
            + " JDK, not a JRE";
    private static final String VM = "com.sun.tools.attach.VirtualMachine";

    /** One JVM that can be attached to. */
    static final class Jvm {
        final String pid;
        final String displayName;

        Jvm(String pid, String displayName) {
            this.pid = pid;
            this.displayName = displayName;
        }
    }

    /** A problem the user can act on (exit code 3 or 1), with a one-line message. */
    static final class AttachException extends Exception {
        private static final long serialVersionUID = 1L;

        AttachException(String message) {
            super(message);
        }
    }

    private AttachSupport() {
    }

    static Class<?> vmClass() throws AttachException {
        try {
            return Class.forName(VM);
        } catch (ClassNotFoundException e) {
            throw new AttachException(String.format(NO_ATTACH_API, System.getProperty("java.home")));
        }
    }

    static List<Jvm> list() throws AttachException {
        List<Jvm> jvms = new ArrayList<Jvm>();
        try {
            List<?> descriptors = (List<?>) vmClass().getMethod("list").invoke(null);
            for (Object d : descriptors) {
                String id = (String) d.getClass().getMethod("id").invoke(d);
                String name = (String) d.getClass().getMethod("displayName").invoke(d);
                jvms.add(new Jvm(id, name));
            }
        } catch (AttachException e) {
            throw e;
        } catch (Exception e) {
            throw new AttachException("cannot list JVMs: " + rootMessage(e));
        }
        return jvms;
    }

    /**
     * Attaches, loads the agent jar with options, detaches.
     *
     * @return the target's java.version (for the JDK 21+ note)
     */
    static String loadAgent(String pid, String jar, String options) throws AttachException {
        Object vm;
        Class<?> c = vmClass();
        try {
            vm = c.getMethod("attach", String.class).invoke(null, pid);
        } catch (InvocationTargetException e) {
            throw new AttachException("cannot attach to pid " + pid + ": " + rootMessage(e)
                    + " — run 'list' to see the JVMs you may attach to (same user, a JDK 8+ JVM)");
        } catch (Exception e) {
            throw new AttachException("cannot attach to pid " + pid + ": " + rootMessage(e));
        }
        try {
            Properties props = (Properties) c.getMethod("getSystemProperties").invoke(vm);
            String version = props.getProperty("java.version");
            c.getMethod("loadAgent", String.class, String.class).invoke(vm, jar, options);
            return version;
        } catch (InvocationTargetException e) {
            throw new AttachException("the agent did not load into pid " + pid + ": " + rootMessage(e)
                    + " — see that JVM's stderr for the [tls-compat] line");
        } catch (Exception e) {
            throw new AttachException("the agent did not load into pid " + pid + ": " + rootMessage(e));
        } finally {
            try {
                c.getMethod("detach").invoke(vm);
            } catch (Exception ignored) {
                // detaching is best effort
            }
        }
    }

    static String rootMessage(Throwable t) {
        Throwable x = t;
        while ((x instanceof InvocationTargetException) && x.getCause() != null) {
            x = x.getCause();
        }
        return x.getClass().getSimpleName() + (x.getMessage() == null ? "" : ": " + x.getMessage());
    }
}
