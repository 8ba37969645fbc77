package io.tlscompat.core.probe;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fields of a ServerHello (or TLS 1.3 HelloRetryRequest) that the probe needs: the negotiated version (from
 * supported_versions when present), the suite, ALPN and the TLS 1.3 key-share group. Immutable.
 */
final class ServerHello {
    /** RFC 8446 4.1.3: a HelloRetryRequest is a ServerHello with this random. */
    private static final byte[] HELLO_RETRY_RANDOM = {
        (byte) 0xCF, 0x21, (byte) 0xAD, 0x74, (byte) 0xE5, (byte) 0x9A, 0x61, 0x11, (byte) 0xBE, 0x1D, (byte) 0x8C,
        0x02, 0x1E, 0x65, (byte) 0xB8, (byte) 0x91, (byte) 0xC2, (byte) 0xA2, 0x11, 0x16, 0x7A, (byte) 0xBB,
        (byte) 0x8C, 0x5E, 0x07, (byte) 0x9E, 0x09, (byte) 0xE2, (byte) 0xC8, (byte) 0xA8, 0x33, (byte) 0x9C};

    private final int version;
    private final int cipherSuite;
    private final String alpn;
    private final Integer keyShareGroup;
    private final boolean helloRetryRequest;

    private ServerHello(int version, int cipherSuite, String alpn, Integer keyShareGroup, boolean hrr) {
        this.version = version;
        this.cipherSuite = cipherSuite;
        this.alpn = alpn;
        this.keyShareGroup = keyShareGroup;
        this.helloRetryRequest = hrr;
    }

    /**
     * Parses the body of a ServerHello handshake message (without the 4-byte handshake header).
     *
     * @throws TlsParseException when a length points outside the message
     */
    static ServerHello parse(byte[] body) throws TlsParseException {
        Cursor c = new Cursor(body, "ServerHello");
        int legacyVersion = c.u16();
        byte[] random = c.bytes(32);
        int sessionIdLength = c.u8();
        if (sessionIdLength > 32) {
            throw new TlsParseException("ServerHello session id of " + sessionIdLength + " bytes (at most 32)");
        }
        c.skip(sessionIdLength);
        int suite = c.u16();
        c.u8(); // compression method
        boolean hrr = Arrays.equals(random, HELLO_RETRY_RANDOM);
        int version = legacyVersion;
        String alpn = null;
        Integer group = null;
        if (c.remaining() > 0) {
            Cursor extensions = c.sub(c.u16(), "ServerHello extensions");
            while (extensions.remaining() > 0) {
                int type = extensions.u16();
                Cursor data = extensions.sub(extensions.u16(), String.format("ServerHello extension 0x%04x", type));
                if (type == 0x002B) {
                    version = data.u16();
                } else if (type == 0x0010) {
                    Cursor list = data.sub(data.u16(), "ALPN list");
                    alpn = new String(list.bytes(list.u8()), StandardCharsets.US_ASCII);
                } else if (type == 0x0033) {
                    group = data.u16();
                }
            }
        }
        return new ServerHello(version, suite, alpn, group, hrr);
    }

    /** The negotiated version's wire value (supported_versions wins over legacy_version). */
    int version() {
        return version;
    }

    int cipherSuite() {
        return cipherSuite;
    }

    /** The ALPN protocol the server selected in the ServerHello (TLS 1.2 and older), or null. */
    String alpn() {
        return alpn;
    }

    /** The TLS 1.3 key_share group (selected group in a HelloRetryRequest), or null. */
    Integer keyShareGroup() {
        return keyShareGroup;
    }

    boolean isHelloRetryRequest() {
        return helloRetryRequest;
    }
}
