package io.tlscompat.it.agent;

import java.io.FileInputStream;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Forked by {@link AgentRulesIT}: THREADS client threads each make HANDSHAKES real TLS handshakes at once against a
 * JDK TLS server in the same JVM (the agent records client handshakes only). Prints {@code ok=N failed=M}.
 *
 * <p>Usage: {@code ConcurrentHandshakesMain KEYSTORE.p12 THREADS HANDSHAKES}.
 */
public final class ConcurrentHandshakesMain {
    private ConcurrentHandshakesMain() {
    }

    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args[1]);
        int each = Integer.parseInt(args[2]);
        SSLServerSocket ss = startServer(args[0]);
        SSLContext client = trustingClient();
        String result = handshakes(client, ss.getLocalPort(), threads, each);
        ss.close();
        System.out.println(result);
    }

    /**
     * THREADS threads, started at once, each make EACH handshakes to localhost:PORT (and read one byte after a
     * success).
     *
     * @return {@code ok=N failed=M}
     */
    static String handshakes(SSLContext client, int port, int threads, int each) throws InterruptedException {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    try (SSLSocket c = (SSLSocket) client.getSocketFactory().createSocket("localhost", port)) {
                        c.setSoTimeout(10000);
                        c.startHandshake();
                        c.getInputStream().read();
                        ok.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            });
            w.start();
            workers.add(w);
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        return "ok=" + ok.get() + " failed=" + failed.get();
    }

    /** A JDK TLS server on a free port, answering each connection on its own thread. */
    static SSLServerSocket startServer(String keystore) throws Exception {
        return startServer(keystore, null);
    }

    /** As {@link #startServer(String)}, taking only PROTOCOLS (null: the JDK's defaults). */
    static SSLServerSocket startServer(String keystore, String[] protocols) throws Exception {
        char[] pw = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore)) {
            ks.load(in, pw);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, pw);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 256);
        if (protocols != null) {
            ss.setEnabledProtocols(protocols); // before the first accept: each accept copies the settings
        }
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    SSLSocket s = (SSLSocket) ss.accept();
                    Thread handler = new Thread(() -> {
                        try (SSLSocket c = s) {
                            c.setSoTimeout(10000);
                            c.startHandshake();
                            c.getOutputStream().write(1);
                        } catch (Exception ignored) {
                            // the client decides what happened
                        }
                    });
                    // daemon: a handler still waiting for a refused client must not hold the JVM's exit
                    handler.setDaemon(true);
                    handler.start();
                } catch (Exception e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        return ss;
    }

    /** A client context that trusts any certificate (the test server's is self-signed). */
    static SSLContext trustingClient() throws Exception {
        TrustManager[] trustAll = {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }};
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trustAll, null);
        return client;
    }
}
