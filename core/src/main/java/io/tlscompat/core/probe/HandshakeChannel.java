package io.tlscompat.core.probe;

import io.tlscompat.core.tds.TdsMessages;
import io.tlscompat.core.tds.TdsPacketType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Carries TLS handshake bytes on one connection: raw on the socket (TDS 8) or inside TDS PRELOGIN packets
 * (TDS 7.x, after the PRELOGIN exchange).
 */
final class HandshakeChannel {
    private final OutputStream out;
    private final InputStream in;
    private final boolean tdsWrapped;
    private int packetId = 1;

    private HandshakeChannel(Socket socket, InputStream socketIn, boolean tdsWrapped) throws IOException {
        this.out = socket.getOutputStream();
        this.in = tdsWrapped ? new TdsPayloadInputStream(socketIn) : socketIn;
        this.tdsWrapped = tdsWrapped;
    }

    /** TLS straight on the socket; {@code socketIn} is the socket's (deadline-bounded) input. */
    static HandshakeChannel raw(Socket socket, InputStream socketIn) throws IOException {
        return new HandshakeChannel(socket, socketIn, false);
    }

    /** TLS inside TDS packets; {@code socketIn} is the stream the PRELOGIN reply was read from. */
    static HandshakeChannel tdsWrapped(Socket socket, InputStream socketIn) throws IOException {
        return new HandshakeChannel(socket, socketIn, true);
    }

    /** Sends one flight of TLS records (as one TDS message on the TDS 7.x path). */
    void send(byte[] records) throws IOException {
        if (tdsWrapped) {
            packetId = TdsMessages.write(out, TdsPacketType.PRELOGIN, records, TdsPacketType.DEFAULT_PACKET_LENGTH,
                    packetId);
        } else {
            out.write(records);
            out.flush();
        }
    }

    /** The server's TLS bytes. */
    InputStream in() {
        return in;
    }
}
