package io.tlscompat.it.agent;

import java.nio.file.Files;
import java.nio.file.Paths;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * Forked by {@link AgentPrometheusIT}: makes HANDSHAKES real TLS handshakes against a JDK TLS server in this JVM
 * (as {@link ConcurrentHandshakesMain}), prints {@code port=P ok=N failed=M}, then stays alive until the file RELEASE
 * exists (at most two minutes) so a collector can be scraped.
 *
 * <p>Usage: {@code ScrapedWhileAliveMain KEYSTORE.p12 HANDSHAKES RELEASE}.
 */
public final class ScrapedWhileAliveMain {
    private ScrapedWhileAliveMain() {
    }

    public static void main(String[] args) throws Exception {
        SSLServerSocket ss = ConcurrentHandshakesMain.startServer(args[0]);
        SSLContext client = ConcurrentHandshakesMain.trustingClient();
        String result = ConcurrentHandshakesMain.handshakes(client, ss.getLocalPort(), 1, Integer.parseInt(args[1]));
        System.out.println("port=" + ss.getLocalPort() + " " + result);
        System.out.flush();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(Paths.get(args[2])) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        ss.close();
    }
}
