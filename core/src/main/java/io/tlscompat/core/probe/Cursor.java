package io.tlscompat.core.probe;

/** Bounds-checked big-endian reads over a byte array; running past the end is a {@link TlsParseException}. */
final class Cursor {
    private final byte[] data;
    private final int end;
    private final String what;
    private int pos;

    /** @param what the structure being read, named in errors (e.g. "ServerHello") */
    Cursor(byte[] data, int offset, int length, String what) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
        this.what = what;
    }

    Cursor(byte[] data, String what) {
        this(data, 0, data.length, what);
    }

    int remaining() {
        return end - pos;
    }

    int u8() throws TlsParseException {
        need(1);
        return data[pos++] & 0xFF;
    }

    int u16() throws TlsParseException {
        need(2);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    int u24() throws TlsParseException {
        need(3);
        int v = ((data[pos] & 0xFF) << 16) | ((data[pos + 1] & 0xFF) << 8) | (data[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    byte[] bytes(int n) throws TlsParseException {
        need(n);
        byte[] out = new byte[n];
        System.arraycopy(data, pos, out, 0, n);
        pos += n;
        return out;
    }

    /** A cursor over the next {@code n} bytes, which this cursor skips. */
    Cursor sub(int n, String subWhat) throws TlsParseException {
        need(n);
        Cursor c = new Cursor(data, pos, n, subWhat);
        pos += n;
        return c;
    }

    void skip(int n) throws TlsParseException {
        need(n);
        pos += n;
    }

    private void need(int n) throws TlsParseException {
        if (n < 0 || n > end - pos) {
            throw new TlsParseException(what + " is truncated (needs " + n + " more bytes, " + (end - pos) + " left)");
        }
    }
}
