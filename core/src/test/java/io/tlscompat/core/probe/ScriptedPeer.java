package io.tlscompat.core.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback peer that misbehaves on purpose (garbage, HTTP, silence, resets, endless bytes): only for the
 * bad-input tests, never to stand in for a TLS server.
 */
final class ScriptedPeer implements AutoCloseable {
    /** What the peer does with each connection. */
    interface Behaviour {
        void handle(Socket socket) throws IOException;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-peer");
        t.setDaemon(true);
        return t;
    });

    ScriptedPeer(Behaviour behaviour) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    threads.submit(() -> {
                        try (Socket s = socket) {
                            behaviour.handle(s);
                        } catch (IOException ignored) {
                            // The probe may hang up first.
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    /** Reads whatever the client sent first (up to 4 KB), so a reply is an answer, not a greeting. */
    static void readRequest(Socket socket) throws IOException {
        socket.setSoTimeout(5000);
        socket.getInputStream().read(new byte[4096]);
    }

    /** Closes with a TCP RST instead of a FIN. */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
