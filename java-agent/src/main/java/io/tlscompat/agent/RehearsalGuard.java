package io.tlscompat.agent;

/**
 * Decides whether {@code rehearsal=handshake} may take effect in this JVM. The mode ends every client TLS connection
 * right after its handshake, which would break any real application; so it is honoured only with {@code -javaagent}
 * in a JVM whose main class is the gate's rehearsal runner ({@value #REHEARSAL_MAIN}), never on {@code attach} and
 * never in an application. Otherwise it is ignored with one line, and the agent runs as a normal recorder.
 */
public final class RehearsalGuard {
    /** The main class of the gate's rehearsal fork (core's {@code RehearsalMain}; named, not linked). */
    public static final String REHEARSAL_MAIN = "io.tlscompat.core.client.RehearsalMain";
    /** Printed when the option is given outside the rehearsal fork; {@code %s} = where it was given. */
    public static final String REFUSED = "[tls-compat] agent option rehearsal=handshake ignored (%s): it is only for"
            + " the tls-compat:verify rehearsal fork, because it ends every TLS connection after its handshake";

    private RehearsalGuard() {
    }

    /**
     * @param attached whether the agent was attached to a running JVM
     * @param javaCommand the JVM's {@code sun.java.command} (main class and arguments), may be null
     * @return null when the mode may run here, else the one-line refusal to print
     */
    public static String refusal(boolean attached, String javaCommand) {
        if (attached) {
            return String.format(REFUSED, "attach");
        }
        String main = javaCommand == null ? "" : javaCommand.trim();
        int space = main.indexOf(' ');
        if (space >= 0) {
            main = main.substring(0, space);
        }
        if (!REHEARSAL_MAIN.equals(main)) {
            return String.format(REFUSED, "main class " + (main.isEmpty() ? "unknown" : main));
        }
        return null;
    }
}
