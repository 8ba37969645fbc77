package io.tlscompat.core.probe;

import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;
import io.tlscompat.core.tds.TdsProtocolException;

import java.io.IOException;
import java.io.InputStream;

/**
 * The TLS bytes a server sends inside TDS packets during a TDS 7.x handshake. SQL Server uses packet type 0x12;
 * 0x04 is accepted too, as jTDS does. Packet boundaries are ignored: TLS records may span packets. Empty packets
 * count against a {@link ProgressBudget}, so a peer streaming them ends the read with
 * {@link ProgressBudget.Exceeded}.
 */
final class TdsPayloadInputStream extends InputStream {
    private final InputStream in;
    private final ProgressBudget budget = new ProgressBudget("during the TLS handshake");
    private byte[] payload = new byte[0];
    private int pos;

    TdsPayloadInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (pos == payload.length) {
            TdsPacket packet = TdsPacket.read(in);
            if (packet == null) {
                return -1;
            }
            if (packet.type() != TdsPacketType.PRELOGIN && packet.type() != TdsPacketType.TABULAR_RESULT) {
                throw new TdsProtocolException(String.format(
                        "TDS packet of type 0x%02x during the TLS handshake (expected 0x12)", packet.type()));
            }
            budget.count(packet);
            payload = packet.payload();
            pos = 0;
        }
        int n = Math.min(length, payload.length - pos);
        System.arraycopy(payload, pos, buffer, offset, n);
        pos += n;
        return n;
    }
}
