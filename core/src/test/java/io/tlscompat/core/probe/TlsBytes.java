package io.tlscompat.core.probe;

import java.io.ByteArrayOutputStream;

/** Builds server-side TLS bytes for parser tests: records, handshake messages, ServerHellos. */
final class TlsBytes {
    private TlsBytes() {
    }

    static byte[] record(int type, int version, byte[] fragment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        u16(out, version);
        u16(out, fragment.length);
        out.write(fragment, 0, fragment.length);
        return out.toByteArray();
    }

    static byte[] handshake(int type, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        out.write(body.length >>> 16);
        out.write(body.length >>> 8);
        out.write(body.length);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    /** A ServerHello body; {@code extensions} already encoded (type, length, data)*, or null for none. */
    static byte[] serverHello(int version, int suite, byte[] random, byte[] extensions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, version);
        out.write(random, 0, 32);
        out.write(0);
        u16(out, suite);
        out.write(0);
        if (extensions != null) {
            u16(out, extensions.length);
            out.write(extensions, 0, extensions.length);
        }
        return out.toByteArray();
    }

    static byte[] extension(int type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, type);
        u16(out, data.length);
        out.write(data, 0, data.length);
        return out.toByteArray();
    }

    static byte[] certificateMessage(byte[]... ders) {
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (byte[] der : ders) {
            list.write(der.length >>> 16);
            list.write(der.length >>> 8);
            list.write(der.length);
            list.write(der, 0, der.length);
        }
        byte[] l = list.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(l.length >>> 16);
        out.write(l.length >>> 8);
        out.write(l.length);
        out.write(l, 0, l.length);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
