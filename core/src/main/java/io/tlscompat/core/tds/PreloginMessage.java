package io.tlscompat.core.tds;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PRELOGIN message body (MS-TDS 2.2.6.5): an option table (token, offset, length; 0xFF ends it) followed by
 * option data. Options keep their order. Immutable.
 */
public final class PreloginMessage {
    /** Option tokens. */
    public static final int VERSION = 0x00;
    public static final int ENCRYPTION = 0x01;
    public static final int INSTOPT = 0x02;
    public static final int THREADID = 0x03;
    public static final int MARS = 0x04;
    public static final int TRACEID = 0x05;
    public static final int FEDAUTHREQUIRED = 0x06;
    public static final int NONCEOPT = 0x07;
    public static final int TERMINATOR = 0xFF;

    /** No real PRELOGIN comes close; anything larger is not SQL Server. */
    public static final int MAX_LENGTH = 4096;

    private final Map<Integer, byte[]> options;

    private PreloginMessage(Map<Integer, byte[]> options) {
        this.options = Collections.unmodifiableMap(options);
    }

    /** A builder-style factory: options in the order they should appear. */
    public static PreloginMessage of(Map<Integer, byte[]> options) {
        return new PreloginMessage(new LinkedHashMap<>(options));
    }

    /**
     * The request a client like mssql-jdbc sends: VERSION, ENCRYPTION, THREADID, MARS, TRACEID.
     *
     * @param encryption the level to ask for
     * @param traceId    36 bytes of connection id and activity id
     */
    public static PreloginMessage clientRequest(EncryptionLevel encryption, byte[] traceId) {
        Map<Integer, byte[]> o = new LinkedHashMap<>();
        // tls-compat 0.1.0.0 as the client "version": servers ignore it.
        o.put(VERSION, new byte[] {0, 1, 0, 0, 0, 0});
        o.put(ENCRYPTION, new byte[] {(byte) encryption.wireValue()});
        o.put(THREADID, new byte[] {0, 0, 0, 0});
        o.put(MARS, new byte[] {0});
        o.put(TRACEID, traceId);
        return new PreloginMessage(o);
    }

    /** The response SQL Server sends: VERSION, ENCRYPTION, INSTOPT (0x00 = ok), THREADID (empty), MARS. */
    public static PreloginMessage serverResponse(SqlServerVersion version, EncryptionLevel encryption) {
        Map<Integer, byte[]> o = new LinkedHashMap<>();
        o.put(VERSION, version.toPreloginBytes());
        o.put(ENCRYPTION, new byte[] {(byte) encryption.wireValue()});
        o.put(INSTOPT, new byte[] {0});
        o.put(THREADID, new byte[0]);
        o.put(MARS, new byte[] {0});
        return new PreloginMessage(o);
    }

    /** All options by token, in wire order. */
    public Map<Integer, byte[]> options() {
        return options;
    }

    /** The raw value of an option, or null when absent. */
    public byte[] option(int token) {
        return options.get(token);
    }

    /** The ENCRYPTION option, or null when absent or not a known level. */
    public EncryptionLevel encryption() {
        byte[] value = options.get(ENCRYPTION);
        return value == null || value.length < 1 ? null : EncryptionLevel.fromWireValue(value[0] & 0xFF);
    }

    /** The VERSION option as a SQL Server version, or null when absent or short. */
    public SqlServerVersion version() {
        byte[] value = options.get(VERSION);
        return value == null || value.length < 6 ? null : SqlServerVersion.fromPreloginBytes(value);
    }

    /** The INSTOPT option as text (up to its NUL), or null when absent. */
    public String instance() {
        byte[] value = options.get(INSTOPT);
        if (value == null) {
            return null;
        }
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        return new String(value, 0, end, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** Encodes the option table and data. */
    public byte[] encode() {
        int tableLength = options.size() * 5 + 1;
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> e : options.entrySet()) {
            int offset = tableLength + data.size();
            int length = e.getValue().length;
            table.write(e.getKey());
            table.write(offset >>> 8);
            table.write(offset);
            table.write(length >>> 8);
            table.write(length);
            data.write(e.getValue(), 0, length);
        }
        table.write(TERMINATOR);
        byte[] d = data.toByteArray();
        table.write(d, 0, d.length);
        return table.toByteArray();
    }

    /**
     * Decodes a PRELOGIN body, checking every offset and length against the body.
     *
     * @throws TdsProtocolException with a one-line reason when the body is not a PRELOGIN option table
     */
    public static PreloginMessage decode(byte[] body) throws TdsProtocolException {
        if (body.length > MAX_LENGTH) {
            throw new TdsProtocolException("PRELOGIN response of " + body.length + " bytes is too large");
        }
        Map<Integer, byte[]> o = new LinkedHashMap<>();
        int pos = 0;
        while (true) {
            if (pos >= body.length) {
                throw new TdsProtocolException("PRELOGIN option table has no terminator");
            }
            int token = body[pos] & 0xFF;
            if (token == TERMINATOR) {
                break;
            }
            if (pos + 5 > body.length) {
                throw new TdsProtocolException("PRELOGIN option table truncated at byte " + pos);
            }
            int offset = ((body[pos + 1] & 0xFF) << 8) | (body[pos + 2] & 0xFF);
            int length = ((body[pos + 3] & 0xFF) << 8) | (body[pos + 4] & 0xFF);
            if (offset + length > body.length) {
                throw new TdsProtocolException(String.format(
                        "PRELOGIN option 0x%02x points outside the message (offset %d, length %d, message %d bytes)",
                        token, offset, length, body.length));
            }
            if (o.containsKey(token)) {
                throw new TdsProtocolException(String.format("PRELOGIN option 0x%02x appears twice", token));
            }
            byte[] value = new byte[length];
            System.arraycopy(body, offset, value, 0, length);
            o.put(token, value);
            pos += 5;
        }
        return new PreloginMessage(o);
    }
}
