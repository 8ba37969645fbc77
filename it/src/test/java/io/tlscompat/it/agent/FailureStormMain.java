package io.tlscompat.it.agent;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ssl.SSLContext;

/**
 * Forked by {@link AgentHostileConditionsIT}: a server in this JVM that resets every connection as soon as the
 * ClientHello arrives (RST, via SO_LINGER 0), and THREADS threads making EACH handshakes to it at once. Prints
 * {@code ok=N failed=M}. Usage: {@code FailureStormMain THREADS EACH}.
 */
public final class FailureStormMain {
    private FailureStormMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerSocket ss = new ServerSocket(0, 256);
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket s = ss.accept();
                    Thread resetter = new Thread(() -> {
                        try {
                            s.setSoTimeout(10000);
                            InputStream in = s.getInputStream();
                            in.read();
                            s.setSoLinger(true, 0);
                            s.close();
                        } catch (Exception ignored) {
                            // the client decides what happened
                        }
                    });
                    resetter.setDaemon(true);
                    resetter.start();
                } catch (Exception e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        SSLContext client = ConcurrentHandshakesMain.trustingClient();
        System.out.println(ConcurrentHandshakesMain.handshakes(client, ss.getLocalPort(), Integer.parseInt(args[0]),
                Integer.parseInt(args[1])));
        ss.close();
    }
}
