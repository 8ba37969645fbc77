package io.tlscompat.agent.cli;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.PreloginMessage;
import io.tlscompat.core.tds.SqlServerVersion;
import io.tlscompat.core.tds.TdsMessages;
import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback peer that answers PRELOGIN like SQL Server (encryption ON) and then misbehaves in the TLS phase on
 * purpose: only for the hostile-peer tests. A raw TLS ClientHello (the TDS 8 path) is closed at once.
 */
final class HostilePeer implements AutoCloseable {
    /** What the peer does once the probe's ClientHello (inside TDS 0x12 packets) has arrived. */
    interface TlsPhase {
        void answer(OutputStream out) throws IOException;
    }

    private final ServerSocket server;
    /** System.nanoTime() of the first connection, or 0: where the probe's own time starts, JVM start-up excluded. */
    volatile long firstConnectionNanos;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-peer");
        t.setDaemon(true);
        return t;
    });

    HostilePeer(TlsPhase phase) throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.submit(() -> {
            while (!server.isClosed()) {
                Socket socket;
                try {
                    socket = server.accept();
                    if (firstConnectionNanos == 0) {
                        firstConnectionNanos = System.nanoTime();
                    }
                } catch (IOException e) {
                    return;
                }
                threads.submit(() -> serve(socket, phase));
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    private static void serve(Socket socket, TlsPhase phase) {
        try (Socket s = socket) {
            s.setSoTimeout(5000);
            InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            in.mark(1);
            if (in.read() != TdsPacketType.PRELOGIN) {
                return;
            }
            in.reset();
            OutputStream out = s.getOutputStream();
            PreloginMessage.decode(TdsMessages.read(in, TdsPacketType.PRELOGIN, PreloginMessage.MAX_LENGTH));
            TdsMessages.write(out, TdsPacketType.TABULAR_RESULT, PreloginMessage.serverResponse(
                    new SqlServerVersion(15, 0, 2000, 5), EncryptionLevel.ON).encode(),
                    TdsPacketType.DEFAULT_PACKET_LENGTH, 1);
            TdsMessages.read(in, TdsPacketType.PRELOGIN, 64 * 1024); // the ClientHello
            phase.answer(out);
            out.flush();
        } catch (IOException ignored) {
            // The probe hangs up first, by design.
        }
    }

    /** TLS records inside one TDS 0x12 packet, as SQL Server wraps its handshake. */
    static void sendWrapped(OutputStream out, byte[] records) throws IOException {
        new TdsPacket(TdsPacketType.PRELOGIN, TdsPacketType.STATUS_EOM, 1, records).writeTo(out);
    }

    static byte[] record(int type, byte[] fragment) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(type);
        b.write(3);
        b.write(3);
        b.write(fragment.length >>> 8);
        b.write(fragment.length);
        b.write(fragment, 0, fragment.length);
        return b.toByteArray();
    }

    /** A handshake message header announcing {@code announced} bytes, then {@code body}. */
    static byte[] handshake(int msgType, int announced, byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(msgType);
        b.write(announced >>> 16);
        b.write(announced >>> 8);
        b.write(announced);
        b.write(body, 0, body.length);
        return b.toByteArray();
    }

    static byte[] handshake(int msgType, byte[] body) {
        return handshake(msgType, body.length, body);
    }

    /** A TLS 1.2 ServerHello body choosing TLS_RSA_WITH_AES_128_CBC_SHA, with the given extensions block (or none). */
    static byte[] serverHelloBody(byte[] extensionsBlock) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(3);
        b.write(3);
        b.write(new byte[32], 0, 32);
        b.write(0); // no session id
        b.write(0x00);
        b.write(0x2F);
        b.write(0); // no compression
        if (extensionsBlock != null) {
            b.write(extensionsBlock, 0, extensionsBlock.length);
        }
        return b.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
