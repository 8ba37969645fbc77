package io.tlscompat.maven;

import io.tlscompat.core.browser.BrowserException;
import io.tlscompat.core.browser.InstanceResolver;
import io.tlscompat.core.client.JdbcTarget;
import io.tlscompat.core.probe.ProbeException;
import io.tlscompat.core.probe.ProbeListener;
import io.tlscompat.core.probe.ProbeSettings;
import io.tlscompat.core.probe.TdsProbe;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tls.TlsVersion;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Where the server's side comes from: a live probe (no credentials) or a saved {@code probe --json} file. */
final class ServerProfileSource {
    private final ServerProfile saved;
    private final File savedFile;
    private final long deadlineMillis;
    private final Log log;
    private int browserPort = InstanceResolver.BROWSER_PORT;

    private ServerProfileSource(ServerProfile saved, File savedFile, long deadlineMillis, Log log) {
        this.saved = saved;
        this.savedFile = savedFile;
        this.deadlineMillis = deadlineMillis;
        this.log = log;
    }

    /** Reads the saved profile now, so a bad file fails before anything is probed. */
    static ServerProfileSource create(File serverProfile, long deadlineMillis, Log log) throws MojoFailureException {
        if (serverProfile == null) {
            return new ServerProfileSource(null, null, deadlineMillis, log);
        }
        if (!serverProfile.isFile()) {
            throw new MojoFailureException(String.format(MojoMessages.BAD_SERVER_PROFILE, serverProfile,
                    "does not exist"));
        }
        try {
            String text = new String(Files.readAllBytes(serverProfile.toPath()), StandardCharsets.UTF_8);
            return new ServerProfileSource(ServerProfile.fromJsonText(text), serverProfile, deadlineMillis, log);
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoFailureException(String.format(MojoMessages.BAD_SERVER_PROFILE, serverProfile,
                    "cannot be read (" + e.getMessage() + ")"));
        }
    }

    /** Which UDP port the SQL Server Browser is asked on (1434 unless rehearsing). */
    ServerProfileSource browserPort(int port) {
        this.browserPort = port;
        return this;
    }

    /**
     * The target on the port its driver connects to: a named instance's port comes from the SQL Server Browser
     * when the driver would ask it ({@link JdbcTarget#asksBrowser()}). With a saved profile nothing is asked.
     *
     * @throws BrowserException with one line naming UDP port and instance
     */
    JdbcTarget resolvePort(JdbcTarget target) throws BrowserException {
        if (saved != null || !target.asksBrowser()) {
            return target;
        }
        long deadline = System.nanoTime() + deadlineMillis * 1_000_000L;
        JdbcTarget resolved = new InstanceResolver(browserPort, InstanceResolver.DEFAULT_TIMEOUT_MILLIS)
                .resolve(target, deadline);
        log.info(resolved.portSource());
        return resolved;
    }

    /** The server's profile for this target; the saved one when configured. */
    ServerProfile profileOf(JdbcTarget target) throws ProbeException {
        if (saved != null) {
            log.info(String.format(MojoMessages.NOTE_SAVED_PROFILE, target.address(), savedFile));
            return saved;
        }
        final String address = target.address();
        log.info(String.format(MojoMessages.PROBING, address));
        ProbeSettings settings = ProbeSettings.builder().deadlineMillis(deadlineMillis)
                .listener(new ProbeListener() {
                    @Override
                    public void onProtocolDone(String path, TlsVersion v, int acceptedSuites, long elapsedMillis) {
                        if (acceptedSuites > 0) {
                            log.info(String.format(java.util.Locale.ROOT, MojoMessages.PROBE_PROGRESS, address,
                                    path.equals("tds8") ? "TDS 8" : "TDS 7.x", v.jdkName(), acceptedSuites,
                                    elapsedMillis / 1000.0));
                        }
                    }
                }).build();
        long start = System.nanoTime();
        ServerProfile p = new TdsProbe(settings).probe(target.host(), target.port());
        log.info(String.format(java.util.Locale.ROOT, MojoMessages.PROBE_DONE, address,
                (System.nanoTime() - start) / 1e9));
        return p;
    }
}
