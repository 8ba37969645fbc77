package io.tlscompat.core.probe;

import io.tlscompat.core.cert.TestCertificates;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A real TLS server on loopback: the JDK's own SSLServerSocket with a fresh self-signed certificate. Each accepted
 * connection runs the handshake on its own thread (so a probe's half-finished hellos never block the next), with a
 * read timeout so nothing outlives the test.
 */
final class JdkTlsServer implements AutoCloseable {
    private final SSLServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jdk-tls-server");
        t.setDaemon(true);
        return t;
    });
    final TestCertificates.Issued issued;

    /**
     * @param protocols      enabled protocols, e.g. TLSv1.2, TLSv1.3
     * @param suites         enabled suites in preference order, or null for the JDK defaults
     * @param serverOrder    whether the server imposes its order
     * @param selectTds8Alpn whether to select ALPN tds/8.0 when offered
     */
    JdkTlsServer(String[] protocols, String[] suites, boolean serverOrder, boolean selectTds8Alpn) throws Exception {
        issued = TestCertificates.selfSigned("db.test", "SHA256withRSA", "RSA", 2048);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(issued.keyStore(), TestCertificates.PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        SSLParameters params = server.getSSLParameters();
        params.setProtocols(protocols);
        if (suites != null) {
            params.setCipherSuites(suites);
        }
        params.setUseCipherSuitesOrder(serverOrder);
        server.setSSLParameters(params);
        threads.submit(() -> acceptLoop(selectTds8Alpn));
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop(boolean selectTds8Alpn) {
        while (!server.isClosed()) {
            try {
                SSLSocket socket = (SSLSocket) server.accept();
                socket.setSoTimeout(5000);
                if (selectTds8Alpn) {
                    socket.setHandshakeApplicationProtocolSelector((s, offered) ->
                            offered.contains("tds/8.0") ? "tds/8.0" : null);
                }
                threads.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void serve(SSLSocket socket) {
        try (Socket s = socket; InputStream in = s.getInputStream()) {
            socket.startHandshake();
            in.read();
        } catch (IOException expected) {
            // The probe hangs up after the server's first flight: that is how it works.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    /** A plain ServerSocket helper for tests that need a port nobody listens on. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
