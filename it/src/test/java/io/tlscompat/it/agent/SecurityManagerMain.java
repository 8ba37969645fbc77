package io.tlscompat.it.agent;

import java.io.InputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * Forked by {@link AgentHostileConditionsIT}: an application that installs a SecurityManager (its policy, given with
 * {@code -Djava.security.policy==FILE}, grants only socket permissions), then makes OK handshakes to a JDK TLS
 * server in this JVM, and one TLS 1.3-only handshake to a TLS 1.2-only server, which the server refuses with an
 * alert right after the ClientHello: the agent probes that server in the background. It then stays up for
 * SECONDS so the probe can end. Prints {@code confined} (the application may not read a file) and
 * {@code ok=N failed=M refused=1}.
 *
 * <p>Usage: {@code SecurityManagerMain KEYSTORE.p12 OK SECONDS [no-security-manager]} (the last one to compare).
 */
public final class SecurityManagerMain {
    private SecurityManagerMain() {
    }

    public static void main(String[] args) throws Exception {
        // Everything that needs a file comes first: the policy allows sockets only.
        SSLServerSocket ss = ConcurrentHandshakesMain.startServer(args[0]);
        SSLServerSocket tls12Only = ConcurrentHandshakesMain.startServer(args[0]);
        tls12Only.setEnabledProtocols(new String[] {"TLSv1.2"});
        SSLContext client = ConcurrentHandshakesMain.trustingClient();
        if (args.length < 4 || !args[3].equals("no-security-manager")) {
            System.setSecurityManager(new SecurityManager());
        }
        String result = ConcurrentHandshakesMain.handshakes(client, ss.getLocalPort(), 2,
                Integer.parseInt(args[1]) / 2);
        int refused = 0;
        try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost",
                tls12Only.getLocalPort())) {
            s.setEnabledProtocols(new String[] {"TLSv1.3"});
            s.setSoTimeout(10000);
            s.startHandshake();
        } catch (Exception expected) {
            refused++;
        }
        try (InputStream in = new java.io.FileInputStream(args[0])) {
            System.out.println("file readable: the policy is not strict");
        } catch (SecurityException confined) {
            System.out.println("confined");
        }
        Thread.sleep(Long.parseLong(args[2]) * 1000);
        System.out.println(result + " refused=" + refused);
    }
}
