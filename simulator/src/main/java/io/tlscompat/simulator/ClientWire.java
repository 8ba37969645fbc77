package io.tlscompat.simulator;

import io.tlscompat.core.io.Streams;
import io.tlscompat.core.tds.TdsMessages;
import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;
import io.tlscompat.core.tds.TdsProtocolException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.net.SocketException;

/**
 * The raw TCP side of one client connection. On the wire, TDS packets and raw TLS records follow each other; the
 * first byte of each unit tells them apart (0x12 = a TDS PRELOGIN packet, 0x14-0x17 = a raw TLS record), which is
 * how the simulator follows a client switching from TLS-in-TDS to raw TLS after the handshake.
 */
final class ClientWire {
    /** TLS record content types (RFC 5246 6.2.1): change_cipher_spec .. application_data. */
    static final int TLS_CHANGE_CIPHER_SPEC = 0x14;
    static final int TLS_ALERT = 0x15;
    static final int TLS_HANDSHAKE = 0x16;
    static final int TLS_APPLICATION_DATA = 0x17;
    /** RFC 5246 6.2.3: a ciphertext record is at most 2^14 + 2048 bytes; anything larger is not TLS. */
    static final int MAX_TLS_RECORD = 16384 + 2048;

    private final Socket socket;
    private final PushbackInputStream in;
    private final OutputStream out;
    private int nextPacketId = 1;

    ClientWire(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new PushbackInputStream(new BufferedInputStream(socket.getInputStream()), 1);
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
    }

    Socket socket() {
        return socket;
    }

    InputStream input() {
        return in;
    }

    /** The first byte of the next unit without consuming it, or -1 at end of stream. */
    int peek() throws IOException {
        int b = in.read();
        if (b >= 0) {
            in.unread(b);
        }
        return b;
    }

    static boolean isTlsRecordType(int firstByte) {
        return firstByte >= TLS_CHANGE_CIPHER_SPEC && firstByte <= TLS_APPLICATION_DATA;
    }

    /** Reads one TDS packet. */
    TdsPacket readTdsPacket() throws IOException {
        TdsPacket p = TdsPacket.read(in);
        if (p == null) {
            throw new EOFException("client closed the connection");
        }
        return p;
    }

    /** Reads a whole TDS message of the given type (bounded). */
    byte[] readTdsMessage(int type, int maxBytes) throws IOException {
        return TdsMessages.read(in, type, maxBytes);
    }

    /** Reads one raw TLS record: 5-byte header and body. */
    byte[] readTlsRecord() throws IOException {
        return readTlsRecord(in);
    }

    /** Reads one TLS record from any stream (also used for relay backends). Null on a clean end of stream. */
    static byte[] readTlsRecordOrNull(InputStream stream) throws IOException {
        int first = stream.read();
        if (first < 0) {
            return null;
        }
        byte[] header = new byte[5];
        header[0] = (byte) first;
        Streams.readFully(stream, header, 1, 4, "TLS record header");
        if (!isTlsRecordType(first) || (header[1] & 0xFF) != 3) {
            throw new TdsProtocolException(String.format("not a TLS record: type 0x%02x, version 0x%02x%02x",
                    first, header[1] & 0xFF, header[2] & 0xFF));
        }
        int length = ((header[3] & 0xFF) << 8) | (header[4] & 0xFF);
        if (length > MAX_TLS_RECORD) {
            throw new TdsProtocolException("TLS record of " + length + " bytes is larger than TLS allows");
        }
        byte[] record = new byte[5 + length];
        System.arraycopy(header, 0, record, 0, 5);
        Streams.readFully(stream, record, 5, length, "TLS record");
        return record;
    }

    private static byte[] readTlsRecord(InputStream stream) throws IOException {
        byte[] r = readTlsRecordOrNull(stream);
        if (r == null) {
            throw new EOFException("client closed the connection");
        }
        return r;
    }

    /** Writes a TDS message (split into 4096-byte packets, the last with EOM). */
    void writeTds(int type, byte[] message) throws IOException {
        nextPacketId = TdsMessages.write(out, type, message, TdsPacketType.DEFAULT_PACKET_LENGTH, nextPacketId);
        out.flush();
    }

    /** Writes raw bytes (TLS records after the handshake, or plaintext TDS after a login-only TLS). */
    void writeRaw(byte[] bytes, int off, int len) throws IOException {
        out.write(bytes, off, len);
    }

    void flush() throws IOException {
        out.flush();
    }

    /**
     * Resets the connection like Schannel: SO_LINGER 0 makes close() send a TCP RST instead of a FIN, so the peer
     * sees "Connection reset" (Windows: 10054 WSAECONNRESET).
     */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException e) {
            // Already closed: nothing left to reset.
        }
        closeQuietly();
    }

    /**
     * Closes with a FIN after letting the client read what was sent: shut down output, drain input briefly
     * (unread input at close() would turn the FIN into an RST), then close.
     */
    void closeGracefully() {
        try {
            out.flush();
            socket.shutdownOutput();
            socket.setSoTimeout(1000);
            byte[] sink = new byte[4096];
            long deadline = System.currentTimeMillis() + 2000;
            while (System.currentTimeMillis() < deadline && in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException e) {
            // The client went first; closing is all that is left.
        }
        closeQuietly();
    }

    void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
