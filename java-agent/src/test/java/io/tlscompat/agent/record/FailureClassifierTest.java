package io.tlscompat.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLProtocolException;
import org.junit.jupiter.api.Test;

/** The exception shapes JSSE 17/25 and mssql-jdbc really produce (messages copied from real runs). */
class FailureClassifierTest {
    @Test
    void resetAnywhereInTheChainIsAReset() {
        SSLProtocolException wrapped = new SSLProtocolException("Unexpected rethrowing");
        wrapped.initCause(new IOException("Connection reset ClientConnectionId:1b2c"));
        assertThat(FailureClassifier.classify(wrapped)).isEqualTo(Outcome.RESET);
        assertThat(FailureClassifier.classify(new SocketException("Connection reset"))).isEqualTo(Outcome.RESET);
    }

    @Test
    void receivedAlertIsAnAlert() {
        assertThat(FailureClassifier.classify(new SSLHandshakeException("Received fatal alert: handshake_failure")))
                .isEqualTo(Outcome.ALERT);
    }

    @Test
    void peerCloseIsClose() {
        SSLHandshakeException e = new SSLHandshakeException("Remote host terminated the handshake");
        e.initCause(new EOFException("SSL peer shut down incorrectly"));
        assertThat(FailureClassifier.classify(e)).isEqualTo(Outcome.CLOSE);
    }

    @Test
    void localRefusalsAreClientRejected() {
        assertThat(FailureClassifier.classify(new SSLHandshakeException(
                "PKIX path building failed: unable to find valid certification path to requested target")))
                .isEqualTo(Outcome.CLIENT_REJECTED);
        assertThat(FailureClassifier.classify(new SSLHandshakeException(
                "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)")))
                .isEqualTo(Outcome.CLIENT_REJECTED);
        assertThat(FailureClassifier.classify(new SSLHandshakeException("The server selected protocol version"
                + " TLS10 is not accepted by client preferences [TLS13, TLS12]")))
                .isEqualTo(Outcome.CLIENT_REJECTED);
    }

    @Test
    void theDriversOwnHostNameCheckIsClientRejected() {
        // mssql-jdbc 12.10 / 13.6: its trust manager's CertificateException, carried by JSSE's SSLHandshakeException
        SSLHandshakeException e = new SSLHandshakeException("Failed to validate the server name \"localhost\"in a"
                + " certificate during Secure Sockets Layer (SSL) initialization. Name in certificate"
                + " \"db.example.test\"");
        e.initCause(new java.security.cert.CertificateException(e.getMessage()));
        assertThat(FailureClassifier.classify(e)).isEqualTo(Outcome.CLIENT_REJECTED);
    }

    @Test
    void timeoutAndUnknown() {
        assertThat(FailureClassifier.classify(new SocketTimeoutException("Read timed out")))
                .isEqualTo(Outcome.TIMEOUT);
        assertThat(FailureClassifier.classify(new IllegalStateException("odd"))).isEqualTo(Outcome.ERROR);
        assertThat(FailureClassifier.classify(null)).isEqualTo(Outcome.ERROR);
    }

    @Test
    void theApplicationClosingItsOwnSocketIsClosedLocally() {
        // JSSE 17 when another thread closes the SSLSocket or the socket under it during startHandshake
        assertThat(FailureClassifier.classify(new SocketException("Socket closed"))).isEqualTo(Outcome.CLOSED_LOCALLY);
        SSLHandshakeException wrapped = new SSLHandshakeException("Unexpected rethrowing");
        wrapped.initCause(new SocketException("Socket closed ClientConnectionId:1b2c"));
        assertThat(FailureClassifier.classify(wrapped)).isEqualTo(Outcome.CLOSED_LOCALLY);
        assertThat(FailureClassifier.classify(new java.nio.channels.ClosedByInterruptException()))
                .isEqualTo(Outcome.CLOSED_LOCALLY);
        assertThat(FailureClassifier.classify(new java.io.InterruptedIOException("interrupted")))
                .isEqualTo(Outcome.CLOSED_LOCALLY);
    }

    @Test
    void aTimeoutIsNotALocalClose() {
        assertThat(FailureClassifier.classify(new SocketTimeoutException("Read timed out")))
                .isEqualTo(Outcome.TIMEOUT);
        assertThat(FailureClassifier.classify(new SocketException("Connection reset by peer")))
                .isEqualTo(Outcome.RESET);
    }
}
