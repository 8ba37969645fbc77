package io.tlscompat.it.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Forked by {@link AgentPrometheusIT}: makes HANDSHAKES real TLS handshakes against a JDK TLS server in this JVM
 * (as {@link ConcurrentHandshakesMain}), then MISMATCHED handshakes a second, TLS 1.3-only server refuses (TLS 1.2
 * offered), prints {@code port=P ok=N failed=M strictPort=S refused=R}, then stays alive until the file RELEASE exists (at most two minutes)
 * so a collector can be scraped.
 *
 * <p>Usage: {@code ScrapedWhileAliveMain KEYSTORE.p12 HANDSHAKES RELEASE [MISMATCHED]}.
 */
public final class ScrapedWhileAliveMain {
    private ScrapedWhileAliveMain() {
    }

    public static void main(String[] args) throws Exception {
        SSLServerSocket ss = ConcurrentHandshakesMain.startServer(args[0]);
        SSLContext client = ConcurrentHandshakesMain.trustingClient();
        String result = ConcurrentHandshakesMain.handshakes(client, ss.getLocalPort(), 1, Integer.parseInt(args[1]));
        int refused = 0;
        SSLServerSocket strict = null;
        if (args.length > 3) {
            // a protocol mismatch the agent diagnoses: a second server takes TLS 1.3 only, the client offers TLS 1.2
            strict = ConcurrentHandshakesMain.startServer(args[0], new String[] {"TLSv1.3"});
            for (int i = 0; i < Integer.parseInt(args[3]); i++) {
                try (SSLSocket c = (SSLSocket) client.getSocketFactory().createSocket("localhost",
                        strict.getLocalPort())) {
                    c.setSoTimeout(10000);
                    c.setEnabledProtocols(new String[] {"TLSv1.2"});
                    c.startHandshake();
                } catch (IOException e) {
                    refused++;
                }
            }
        }
        System.out.println("port=" + ss.getLocalPort() + " " + result + " strictPort="
                + (strict == null ? -1 : strict.getLocalPort()) + " refused=" + refused);
        System.out.flush();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!Files.exists(Paths.get(args[2])) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        ss.close();
        if (strict != null) {
            strict.close();
        }
    }
}
