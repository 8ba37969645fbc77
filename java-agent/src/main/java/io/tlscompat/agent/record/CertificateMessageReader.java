package io.tlscompat.agent.record;

import java.nio.ByteBuffer;

/**
 * Copies the leaf certificate's DER bytes out of a Certificate handshake message body (TLS 1.2: 3-byte list length,
 * 3-byte certificate length, DER; TLS 1.3: 1-byte context length and context first). Reads a duplicate, so JSSE's
 * buffer position is untouched. Returns null for anything that does not look like a certificate.
 */
final class CertificateMessageReader {
    private static final int MAX_CERT = 64 * 1024;

    private CertificateMessageReader() {
    }

    static byte[] leafDer(Object body) {
        if (!(body instanceof ByteBuffer)) {
            return null;
        }
        ByteBuffer b = ((ByteBuffer) body).duplicate();
        // The body normally starts after the 4-byte message header; accept a buffer that still has it.
        for (int header = 0; header <= 4; header += 4) {
            byte[] tls12 = tryAt(b.duplicate(), header);
            if (tls12 != null) {
                return tls12;
            }
            if (b.remaining() > header) {
                int contextLength = b.get(b.position() + header) & 0xFF;
                byte[] tls13 = tryAt(b.duplicate(), header + 1 + contextLength);
                if (tls13 != null) {
                    return tls13;
                }
            }
        }
        return null;
    }

    private static byte[] tryAt(ByteBuffer b, int skip) {
        if (b.remaining() < skip + 6) {
            return null;
        }
        b.position(b.position() + skip);
        int listLength = int24(b);
        if (listLength > b.remaining() || listLength < 3) {
            return null;
        }
        int certLength = int24(b);
        if (certLength <= 0 || certLength > b.remaining() || certLength > MAX_CERT) {
            return null;
        }
        // A DER certificate starts with a SEQUENCE tag.
        if ((b.get(b.position()) & 0xFF) != 0x30) {
            return null;
        }
        byte[] der = new byte[certLength];
        b.get(der);
        return der;
    }

    private static int int24(ByteBuffer b) {
        return ((b.get() & 0xFF) << 16) | ((b.get() & 0xFF) << 8) | (b.get() & 0xFF);
    }
}
