package io.tlscompat.core.probe;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.PreloginMessage;
import io.tlscompat.core.tds.SqlServerVersion;
import io.tlscompat.core.tds.TdsMessages;
import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The TDS 7.x side of SQL Server in front of a real TLS server: answers PRELOGIN like SQL Server, then unwraps the
 * client's TLS records from TDS 0x12 packets for the backend and wraps the backend's answer into 0x12 packets.
 * So the TLS is real (JDK or OpenSSL); only the TDS framing is ours.
 */
final class TdsFrontDoor implements AutoCloseable {
    private final ServerSocket server;
    private final int backendPort;
    private final SqlServerVersion version;
    private final EncryptionLevel encryption;
    private final int serverPacketType;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "tds-front-door");
        t.setDaemon(true);
        return t;
    });

    TdsFrontDoor(int backendPort, SqlServerVersion version, EncryptionLevel encryption) throws IOException {
        this(backendPort, version, encryption, TdsPacketType.PRELOGIN);
    }

    /** @param serverPacketType the TDS packet type the server's TLS bytes travel in (SQL Server: 0x12) */
    TdsFrontDoor(int backendPort, SqlServerVersion version, EncryptionLevel encryption, int serverPacketType)
            throws IOException {
        this.serverPacketType = serverPacketType;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.backendPort = backendPort;
        this.version = version;
        this.encryption = encryption;
        threads.submit(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                client.setSoTimeout(5000);
                threads.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (Socket c = client) {
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            PreloginMessage.decode(TdsMessages.read(in, TdsPacketType.PRELOGIN, PreloginMessage.MAX_LENGTH));
            TdsMessages.write(out, TdsPacketType.TABULAR_RESULT,
                    PreloginMessage.serverResponse(version, encryption).encode(), TdsPacketType.DEFAULT_PACKET_LENGTH,
                    1);
            if (encryption == EncryptionLevel.NOT_SUP) {
                in.read();
                return;
            }
            try (Socket backend = new Socket()) {
                backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backendPort), 3000);
                backend.setSoTimeout(5000);
                threads.submit(() -> backendToClient(backend, out, serverPacketType));
                OutputStream toBackend = backend.getOutputStream();
                TdsPacket packet;
                while ((packet = TdsPacket.read(in)) != null) {
                    toBackend.write(packet.payload());
                    toBackend.flush();
                }
            }
        } catch (IOException ignored) {
            // The probe hangs up mid-handshake by design.
        }
    }

    private static void backendToClient(Socket backend, OutputStream out, int packetType) {
        byte[] buffer = new byte[TdsPacketType.DEFAULT_PACKET_LENGTH - TdsPacketType.HEADER_LENGTH];
        try {
            InputStream in = backend.getInputStream();
            int n;
            int id = 1;
            while ((n = in.read(buffer)) > 0) {
                byte[] payload = java.util.Arrays.copyOf(buffer, n);
                new TdsPacket(packetType, TdsPacketType.STATUS_EOM, id++ & 0xFF, payload).writeTo(out);
                out.flush();
            }
        } catch (IOException ignored) {
            // Either side closed.
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
