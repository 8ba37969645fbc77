package io.tlscompat.core.tds;

import io.tlscompat.core.io.Streams;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** One TDS packet: an 8-byte header (type, status, length, SPID, packet id, window) and its payload. */
public final class TdsPacket {
    private final int type;
    private final int status;
    private final int packetId;
    private final byte[] payload;

    /**
     * @param type     packet type, see {@link TdsPacketType}
     * @param status   status bits
     * @param packetId sequence number (mod 256)
     * @param payload  packet data, not copied
     */
    public TdsPacket(int type, int status, int packetId, byte[] payload) {
        this.type = type;
        this.status = status;
        this.packetId = packetId;
        this.payload = payload;
    }

    public int type() {
        return type;
    }

    public int status() {
        return status;
    }

    public int packetId() {
        return packetId;
    }

    public byte[] payload() {
        return payload;
    }

    /** True when this packet ends its message. */
    public boolean isEndOfMessage() {
        return (status & TdsPacketType.STATUS_EOM) != 0;
    }

    /** Writes header and payload in one write call (a peer may rely on one packet per segment). */
    public void writeTo(OutputStream out) throws IOException {
        int length = TdsPacketType.HEADER_LENGTH + payload.length;
        byte[] bytes = new byte[length];
        bytes[0] = (byte) type;
        bytes[1] = (byte) status;
        bytes[2] = (byte) (length >>> 8);
        bytes[3] = (byte) length;
        bytes[6] = (byte) packetId;
        System.arraycopy(payload, 0, bytes, TdsPacketType.HEADER_LENGTH, payload.length);
        out.write(bytes);
    }

    /**
     * Reads one packet, trusting nothing: the length field is bounded, a short read is an error.
     *
     * @return the packet, or null on a clean end of stream before the first header byte
     * @throws TdsProtocolException when the header is not a TDS header
     */
    public static TdsPacket read(InputStream in) throws IOException {
        byte[] header = new byte[TdsPacketType.HEADER_LENGTH];
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        Streams.readFully(in, header, 1, header.length - 1, "TDS packet header");
        return readAfterHeader(in, header);
    }

    /** Reads the payload of a packet whose 8 header bytes were already read. */
    public static TdsPacket readAfterHeader(InputStream in, byte[] header) throws IOException {
        int type = header[0] & 0xFF;
        int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (length < TdsPacketType.HEADER_LENGTH || length > TdsPacketType.MAX_PACKET_LENGTH) {
            throw new TdsProtocolException("not a TDS packet: length field " + length + " outside 8.."
                    + TdsPacketType.MAX_PACKET_LENGTH + " (first bytes " + hex(header) + ")");
        }
        byte[] payload = new byte[length - TdsPacketType.HEADER_LENGTH];
        Streams.readFully(in, payload, 0, payload.length, "TDS packet of " + length + " bytes");
        return new TdsPacket(type, header[1] & 0xFF, header[6] & 0xFF, payload);
    }

    /** Hex of up to the first 8 bytes, for error messages. */
    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, bytes.length); i++) {
            sb.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
