package io.tlscompat.core.client;

/** Running the target JDK failed: either the path is not a JDK ({@link #notAJdk()}) or the fork itself failed. */
public final class JdkProbeException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean notAJdk;

    public JdkProbeException(String message, boolean notAJdk) {
        super(message);
        this.notAJdk = notAJdk;
    }

    /** True when the given home has no runnable {@code bin/java}: a configuration error, not a crash. */
    public boolean notAJdk() {
        return notAJdk;
    }
}
