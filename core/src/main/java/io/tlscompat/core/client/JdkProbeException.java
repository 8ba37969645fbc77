package io.tlscompat.core.client;

/** Running the target JDK failed: either the path is not a JDK ({@link #notAJdk()}) or the fork itself failed. */
public final class JdkProbeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean notAJdk;
    private final boolean tooOld;

    public JdkProbeException(String message, boolean notAJdk) {
        this(message, notAJdk, false);
    }

    /**
     * @param tooOld the JDK runs but is older than Java 8, which the probe class needs
     */
    public JdkProbeException(String message, boolean notAJdk, boolean tooOld) {
        super(message);
        this.notAJdk = notAJdk;
        this.tooOld = tooOld;
    }

    /** True for a Java 7 or older JDK: answer it from the knowledge base (targetJavaVersion) instead. */
    public boolean tooOld() {
        return tooOld;
    }

    /** True when the given home has no runnable {@code bin/java}: a configuration error, not a crash. */
    public boolean notAJdk() {
        return notAJdk;
    }
}
