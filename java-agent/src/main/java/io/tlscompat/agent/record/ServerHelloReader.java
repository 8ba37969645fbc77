package io.tlscompat.agent.record;

import java.nio.ByteBuffer;

/**
 * Reads the chosen cipher suite from a ServerHello body (version 2, random 32, session id 1+n, suite 2), so a
 * failure after ServerHello still says which suite the server picked (the DHE diagnosis needs it). Reads a
 * duplicate; -1 when the body does not parse.
 */
final class ServerHelloReader {
    private ServerHelloReader() {
    }

    static int cipherSuite(Object body) {
        if (!(body instanceof ByteBuffer)) {
            return -1;
        }
        ByteBuffer b = ((ByteBuffer) body).duplicate();
        int p = b.position();
        if (b.remaining() < 35) {
            return -1;
        }
        // Tolerate a body that still starts with the 4-byte header (type 2).
        if ((b.get(p) & 0xFF) == 2 && (b.get(p + 4) & 0xFF) == 3) {
            p += 4;
        }
        int sessionIdLength = b.get(p + 34) & 0xFF;
        int at = p + 35 + sessionIdLength;
        if (sessionIdLength > 32 || at + 2 > b.limit()) {
            return -1;
        }
        return ((b.get(at) & 0xFF) << 8) | (b.get(at + 1) & 0xFF);
    }
}
