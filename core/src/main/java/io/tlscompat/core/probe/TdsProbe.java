package io.tlscompat.core.probe;

import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.PreloginMessage;
import io.tlscompat.core.tls.TlsVersion;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Probes a SQL Server endpoint's TLS the way its clients meet it: the TDS 7.x path (PRELOGIN, then TLS inside TDS
 * packets) and the TDS 8 strict path (TLS first, ALPN tds/8.0). For each path and each version from SSLv3 to TLS 1.3
 * it finds the accepted suites and the server's order with hand-made ClientHellos that stop at ServerHelloDone; then
 * the ECDHE groups, the DHE size and the certificate (one Bouncy Castle handshake only when TLS 1.3 is all there is).
 *
 * <p>The whole probe ends within {@link ProbeSettings#deadlineMillis()}; when the deadline passes it throws
 * {@link ProbeException.Reason#TIMEOUT} rather than returning a partial profile, so a profile is always complete.
 */
public final class TdsProbe {
    private final ProbeSettings settings;

    public TdsProbe(ProbeSettings settings) {
        this.settings = settings;
    }

    /**
     * @param host name or address of the server
     * @param port its TCP port (SQL Server's default is 1433)
     * @throws ProbeException UNREACHABLE, NOT_TDS or TIMEOUT, with a one-line message naming host:port and the fix
     */
    public ServerProfile probe(String host, int port) throws ProbeException {
        if (host == null || host.trim().isEmpty()) {
            throw new IllegalArgumentException("no host given");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        // "[2001:db8::1]:1433", so the port stays readable after an IPv6 address.
        String target = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        Deadline deadline = new Deadline(settings.deadlineMillis());
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ProbeException(ProbeException.Reason.UNREACHABLE,
                    String.format(ProbeMessages.UNREACHABLE, target, "unknown host"), e);
        }
        Connector connector = new Connector(address, port, target, settings, deadline);
        HelloFactory hellos = new HelloFactory(host);

        PreloginMessage prelogin = settings.tds7() ? prelogin(connector) : null;
        boolean tds7Tls = prelogin != null && prelogin.encryption() != EncryptionLevel.NOT_SUP;
        if (settings.tds7() && prelogin == null && !settings.tds8()) {
            throw new ProbeException(ProbeException.Reason.NOT_TDS,
                    String.format(ProbeMessages.PRELOGIN_REFUSED, target));
        }

        List<ProbePath> paths = new ArrayList<>();
        if (tds7Tls) {
            paths.add(ProbePath.TDS7);
        }
        if (settings.tds8()) {
            paths.add(ProbePath.TDS8);
        }
        List<VersionResult> results = enumerateAll(connector, hellos, paths);
        ProfileAssembler assembler = new ProfileAssembler(target, prelogin, settings.tds7() && prelogin != null,
                results);
        if (prelogin == null && !assembler.anyAccepted(ProbePath.TDS8)) {
            throw assembler.notTdsOrSilent(deadline);
        }
        assembler.addExtras(connector, hellos, host, settings.readTimeoutMillis());
        return assembler.build(connector.connections(), deadline.elapsedMillis());
    }

    private PreloginMessage prelogin(Connector connector) throws ProbeException {
        Socket socket = connector.open();
        try {
            return PreloginExchange.run(socket, connector.input(socket), connector.target(),
                    settings.readTimeoutMillis()).reply();
        } catch (IOException e) {
            throw new ProbeException(ProbeException.Reason.UNREACHABLE,
                    String.format(ProbeMessages.UNREACHABLE, connector.target(), e.getMessage()), e);
        } finally {
            Connector.closeQuietly(socket);
        }
    }

    /** One task per path and version, at most {@link ProbeSettings#parallelism()} at a time. */
    private List<VersionResult> enumerateAll(final Connector connector, final HelloFactory hellos,
            List<ProbePath> paths) throws ProbeException {
        final Deadline deadline = connector.deadline();
        ExecutorService pool = Executors.newFixedThreadPool(settings.parallelism(), DAEMON_THREADS);
        List<Future<VersionResult>> futures = new ArrayList<>();
        try {
            for (final ProbePath path : paths) {
                settings.listener().onPathStarted(path.key());
                final SuiteEnumerator enumerator = new SuiteEnumerator(
                        new HelloExchanger(connector, path, settings.readTimeoutMillis()), hellos);
                // Newest first: those are the versions most servers accept, with the most suites to walk.
                for (int i = TlsVersion.values().length - 1; i >= 0; i--) {
                    final TlsVersion version = TlsVersion.values()[i];
                    futures.add(pool.submit(new Callable<VersionResult>() {
                        @Override
                        public VersionResult call() throws ProbeException {
                            VersionResult result = enumerator.enumerate(version);
                            settings.listener().onProtocolDone(path.key(), version, result.accepted().size(),
                                    deadline.elapsedMillis());
                            return result;
                        }
                    }));
                }
            }
            List<VersionResult> results = new ArrayList<>();
            for (Future<VersionResult> future : futures) {
                results.add(await(future, deadline, connector.target()));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static VersionResult await(Future<VersionResult> future, Deadline deadline, String target)
            throws ProbeException {
        try {
            return future.get(Math.max(1, deadline.remainingMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ProbeException(ProbeException.Reason.TIMEOUT,
                    String.format(ProbeMessages.DEADLINE, target, deadline.budgetMillis()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeException(ProbeException.Reason.TIMEOUT,
                    String.format(ProbeMessages.DEADLINE, target, deadline.budgetMillis()), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProbeException) {
                throw (ProbeException) e.getCause();
            }
            throw new IllegalStateException("probe task failed: " + e.getCause(), e.getCause());
        }
    }

    /** Daemon threads, so an abandoned probe never keeps a JVM alive. */
    private static final ThreadFactory DAEMON_THREADS = new ThreadFactory() {
        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "tls-compat-probe");
            t.setDaemon(true);
            return t;
        }
    };
}
