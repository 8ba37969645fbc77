package io.tlscompat.core.tds;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Writing and reading whole TDS messages (one or more packets, the last with EOM). */
public final class TdsMessages {
    private TdsMessages() {
    }

    /**
     * Splits a message into packets of at most {@code packetLength} bytes and writes them.
     *
     * @param firstPacketId the id of the first packet; ids increase mod 256
     * @return the id for the next packet
     */
    public static int write(OutputStream out, int type, byte[] message, int packetLength, int firstPacketId)
            throws IOException {
        int chunk = packetLength - TdsPacketType.HEADER_LENGTH;
        int offset = 0;
        int packetId = firstPacketId;
        do {
            int n = Math.min(chunk, message.length - offset);
            byte[] payload = new byte[n];
            System.arraycopy(message, offset, payload, 0, n);
            offset += n;
            int status = offset >= message.length ? TdsPacketType.STATUS_EOM : 0;
            new TdsPacket(type, status, packetId & 0xFF, payload).writeTo(out);
            packetId++;
        } while (offset < message.length);
        out.flush();
        return packetId & 0xFF;
    }

    /**
     * Reads packets until EOM and returns the concatenated payload.
     *
     * @param maxBytes bound on the message size, so a hostile peer cannot exhaust memory
     * @throws EOFException when the peer closes before the first byte or mid-message
     */
    public static byte[] read(InputStream in, int expectedType, int maxBytes) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            TdsPacket packet = TdsPacket.read(in);
            if (packet == null) {
                throw new EOFException(message.size() == 0 ? "connection closed before any TDS response"
                        : "connection closed in the middle of a TDS message");
            }
            if (packet.type() != expectedType) {
                throw new TdsProtocolException(String.format("unexpected TDS packet type 0x%02x (expected 0x%02x)",
                        packet.type(), expectedType));
            }
            if (message.size() + packet.payload().length > maxBytes) {
                throw new TdsProtocolException("TDS message larger than " + maxBytes + " bytes");
            }
            message.write(packet.payload());
            if (packet.isEndOfMessage()) {
                return message.toByteArray();
            }
        }
    }
}
