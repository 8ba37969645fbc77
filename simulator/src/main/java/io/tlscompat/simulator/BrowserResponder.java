package io.tlscompat.simulator;

import io.tlscompat.core.browser.BrowserResponse;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The simulator's SQL Server Browser ([MC-SQLR], UDP): answers for one named instance, so clients can find the
 * simulator by instance name as they find a real named instance. CLNT_BCAST_EX (0x02, what jTDS sends) and
 * CLNT_UCAST_EX (0x03) get the list; CLNT_UCAST_INST (0x04, what mssql-jdbc sends) gets the instance when its name
 * matches, and no answer otherwise, as a real Browser does. Anything else is ignored. The SVR_RESP format is core's
 * {@link BrowserResponse}.
 */
final class BrowserResponder implements AutoCloseable {
    private static final int CLNT_BCAST_EX = 0x02;
    private static final int CLNT_UCAST_EX = 0x03;
    private static final int CLNT_UCAST_INST = 0x04;

    private final DatagramSocket socket;
    private final String instance;
    private final byte[] answer;
    private final Consumer<String> log;
    private final Thread thread;

    private BrowserResponder(DatagramSocket socket, String instance, byte[] answer, Consumer<String> log) {
        this.socket = socket;
        this.instance = instance;
        this.answer = answer;
        this.log = log;
        this.thread = new Thread(this::serve, "tls-compat-simulator-browser-" + socket.getLocalPort());
        this.thread.setDaemon(true);
    }

    /**
     * Binds the UDP port and starts answering.
     *
     * @param udpPort 1434 as the drivers expect, or 0 for an ephemeral port (see {@link #port()})
     * @throws IOException when the port cannot be bound
     */
    static BrowserResponder start(String instance, String serverName, String version, int tcpPort,
            InetAddress bind, int udpPort, Consumer<String> log) throws IOException {
        List<Map<String, String>> records = Collections.singletonList(
                BrowserResponse.record(serverName, instance, version, tcpPort));
        DatagramSocket s = new DatagramSocket(null);
        s.setReuseAddress(false);
        s.bind(new InetSocketAddress(bind, udpPort));
        BrowserResponder b = new BrowserResponder(s, instance, BrowserResponse.encode(records), log);
        b.thread.start();
        return b;
    }

    int port() {
        return socket.getLocalPort();
    }

    String instance() {
        return instance;
    }

    private void serve() {
        byte[] buffer = new byte[512];
        while (!socket.isClosed()) {
            DatagramPacket request = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(request);
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                log.accept("browser: receive failed: " + e.getMessage());
                continue;
            }
            int type = request.getLength() > 0 ? buffer[0] & 0xFF : -1;
            String from = request.getAddress().getHostAddress() + ":" + request.getPort();
            if (type == CLNT_BCAST_EX || type == CLNT_UCAST_EX) {
                reply(request, "browser: instance list to " + from);
            } else if (type == CLNT_UCAST_INST) {
                String asked = new String(buffer, 1, request.getLength() - 1, StandardCharsets.ISO_8859_1);
                int nul = asked.indexOf('\0');
                asked = nul >= 0 ? asked.substring(0, nul) : asked;
                if (asked.equalsIgnoreCase(instance)) {
                    reply(request, "browser: instance " + asked + " to " + from);
                } else {
                    log.accept("browser: " + from + " asked for unknown instance " + asked + "; no answer");
                }
            } else {
                log.accept(String.format("browser: ignored request type 0x%02x from %s", type, from));
            }
        }
    }

    private void reply(DatagramPacket request, String event) {
        try {
            socket.send(new DatagramPacket(answer, answer.length, request.getSocketAddress()));
            log.accept(event);
        } catch (IOException e) {
            log.accept(event + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
