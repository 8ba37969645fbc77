package io.tlscompat.agent.record;

import java.io.EOFException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.channels.AsynchronousCloseException;
import java.util.Locale;

/**
 * Maps the exception a failed handshake threw to an {@link Outcome}. Looks at the whole cause chain because
 * drivers wrap I/O errors (mssql-jdbc's TDS streams turn "Connection reset" into an SQLServerException that
 * JSSE wraps again, "Unexpected rethrowing" on 11+).
 */
public final class FailureClassifier {
    private static final int MAX_CHAIN = 16;

    /**
     * mssql-jdbc's own host-name check, lower-cased. Its trust managers (HostNameOverrideX509TrustManager and, for
     * encrypt=strict with serverCertificate, ServerCertificateX509TrustManager) call
     * SQLServerCertificateUtils.validateServerNameInCertificate, which throws a CertificateException with
     * SQLServerResource's R_certNameFailed: "Failed to validate the server name \"{0}\"in a certificate during
     * Secure Sockets Layer (SSL) initialization." (read from the 12.10.2 and 13.6.2 jars). JSSE carries that message
     * into its SSLHandshakeException: this JVM refused the server's certificate.
     */
    public static final String DRIVER_HOST_NAME_CHECK = "failed to validate the server name";

    private FailureClassifier() {
    }

    public static Outcome classify(Throwable failure) {
        if (failure == null) {
            return Outcome.ERROR;
        }
        Outcome best = null;
        Throwable t = failure;
        for (int i = 0; t != null && i < MAX_CHAIN; i++, t = t.getCause()) {
            Outcome o = classifyOne(t);
            if (o != null && (best == null || rank(o) > rank(best))) {
                best = o;
            }
        }
        return best == null ? Outcome.ERROR : best;
    }

    /**
     * Peer actions beat local wrapping: a reset anywhere in the chain means the peer reset. The application's own
     * close beats everything: the socket was gone before the peer could do anything more.
     */
    private static int rank(Outcome o) {
        switch (o) {
            case CLOSED_LOCALLY:
                return 7;
            case RESET:
                return 6;
            case TIMEOUT:
                return 5;
            case ALERT:
                return 4;
            case CLOSE:
                return 3;
            case CLIENT_REJECTED:
                return 2;
            default:
                return 1;
        }
    }

    private static Outcome classifyOne(Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        if (isLocalClose(t, m)) {
            return Outcome.CLOSED_LOCALLY;
        }
        if (m.contains("connection reset") || m.contains("reset by peer") || m.contains("forcibly closed")) {
            return Outcome.RESET;
        }
        if (t instanceof SocketTimeoutException || m.contains("read timed out")) {
            return Outcome.TIMEOUT;
        }
        if (m.contains("received fatal alert")) {
            return Outcome.ALERT;
        }
        if (t instanceof EOFException || m.contains("remote host terminated") || m.contains("closed by peer")
                || m.contains("connection has been closed") || m.contains("did not return a response")
                || m.contains("incomplete response") || m.contains("broken pipe")) {
            return Outcome.CLOSE;
        }
        if (m.contains("pkix") || m.contains("algorithm constraints") || m.contains("no appropriate protocol")
                || m.contains("not accepted by client preferences") || m.contains("no subject alternative")
                || m.contains("no name matching") || m.contains("certificate expired")
                || m.contains("no negotiable cipher") || m.contains("no appropriate cipher")
                || m.contains("unable to find valid certification path") || m.contains("not supported by client")
                || m.contains("certificate_unknown") || m.contains("does not conform")
                || m.contains("not configured to support ssl") || m.contains("not configured to support")
                || m.contains(DRIVER_HOST_NAME_CHECK)) {
            return Outcome.CLIENT_REJECTED;
        }
        if (t instanceof SocketException) {
            return Outcome.CLOSE;
        }
        return null;
    }

    /**
     * True for the suite of a session that was never negotiated ({@code SSL_NULL_WITH_NULL_NULL}): on JDK 17,
     * {@code startHandshake} returns normally with such a session when another thread closed the socket mid-way.
     */
    public static boolean notNegotiated(String suite) {
        return "SSL_NULL_WITH_NULL_NULL".equals(suite);
    }

    /**
     * The JDK's words for a socket this JVM closed ({@code java.net.SocketException: Socket closed} from a read
     * on a socket another thread closed, "Socket is closed" from a call on it, "Closed by interrupt" on a virtual
     * thread; mssql-jdbc appends its ClientConnectionId) and the exceptions of an interrupted or asynchronously closed channel. A timeout is also an
     * {@link InterruptedIOException}, but the peer's silence caused it: not local.
     */
    private static boolean isLocalClose(Throwable t, String m) {
        if (t instanceof SocketTimeoutException) {
            return false;
        }
        return m.startsWith("socket closed") || m.startsWith("socket is closed") || m.contains("closed by interrupt")
                || t instanceof AsynchronousCloseException || t instanceof InterruptedIOException;
    }
}
