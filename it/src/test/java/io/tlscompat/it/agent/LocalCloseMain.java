package io.tlscompat.it.agent;

import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Forked by {@link AgentHostileConditionsIT}: an application that closes its own socket while the handshake waits
 * for a server that never answers, twice (an SSLSocket layered over its own socket, then a plain one). It then waits
 * a second (long enough for a background probe to connect, were one started) and prints {@code layered=<exception>
 * direct=<exception or none> connections=<accepted by the server> end=<epoch millis>}, its last act before exit.
 */
public final class LocalCloseMain {
    private LocalCloseMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerSocket silent = new ServerSocket(0);
        AtomicInteger connections = new AtomicInteger();
        List<Socket> held = new ArrayList<>();
        Thread acceptor = new Thread(() -> {
            while (true) {
                try {
                    Socket s = silent.accept();
                    synchronized (held) {
                        held.add(s);
                    }
                    connections.incrementAndGet();
                } catch (Exception e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        SSLContext client = ConcurrentHandshakesMain.trustingClient();
        // Layered over the application's own socket (as drivers do): closing that socket fails the handshake.
        Socket raw = new Socket("localhost", silent.getLocalPort());
        String layered = closeDuringHandshake((SSLSocket) client.getSocketFactory().createSocket(raw, "localhost",
                silent.getLocalPort(), true), raw);
        // A plain SSLSocket: on JDK 17 closing it makes startHandshake return normally, with no session.
        SSLSocket plain = (SSLSocket) client.getSocketFactory().createSocket("localhost", silent.getLocalPort());
        String direct = closeDuringHandshake(plain, plain);
        Thread.sleep(1000);
        System.out.println("layered=" + layered + " direct=" + direct + " connections=" + connections.get()
                + " end=" + System.currentTimeMillis());
    }

    /** @return the exception startHandshake threw, or {@code none} */
    private static String closeDuringHandshake(SSLSocket s, Socket toClose) throws Exception {
        s.setSoTimeout(30000);
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(300);
                toClose.close();
            } catch (Exception ignored) {
                // nothing to do
            }
        });
        closer.start();
        try {
            s.startHandshake();
            return "none";
        } catch (Exception e) {
            return e.toString();
        } finally {
            closer.join();
        }
    }
}
