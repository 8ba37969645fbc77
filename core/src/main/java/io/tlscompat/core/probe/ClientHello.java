package io.tlscompat.core.probe;

import io.tlscompat.core.tls.TlsVersion;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A hand-made ClientHello for enumeration: exactly one protocol version, the given suites in the given order, the
 * given groups, every signature scheme and (for TDS 8) ALPN {@code tds/8.0}. {@link #toRecord()} makes the TLS
 * record the probe writes (raw for TDS 8, inside TDS packets for TDS 7.x).
 */
final class ClientHello {
    /** The TLS_EMPTY_RENEGOTIATION_INFO_SCSV value: secure renegotiation without an extension. */
    static final int RENEGOTIATION_SCSV = 0x00FF;
    /** The ALPN protocol id of TDS 8 (MS-TDS; mssql-jdbc IOBuffer PROTOCOL_TDS80). */
    static final String ALPN_TDS8 = "tds/8.0";

    /** Hellos are padded to at least this many handshake bytes, see {@link #padded}. */
    static final int MIN_HANDSHAKE_LENGTH = 512;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final TlsVersion version;
    private final List<Integer> suites;
    private final List<Integer> groups;
    private final String serverName;
    private final String alpn;

    /**
     * @param version    the one version to offer (TLS 1.3 goes into supported_versions)
     * @param suites     cipher suite values, in offer order
     * @param groups     named groups for supported_groups (and, for TLS 1.3, the groups the server may pick)
     * @param serverName host name for SNI, or null (never an IP literal)
     * @param alpn       ALPN protocol to offer, or null
     */
    ClientHello(TlsVersion version, List<Integer> suites, List<Integer> groups, String serverName, String alpn) {
        this.version = version;
        this.suites = Collections.unmodifiableList(new ArrayList<>(suites));
        this.groups = Collections.unmodifiableList(new ArrayList<>(groups));
        this.serverName = serverName;
        this.alpn = alpn;
    }

    TlsVersion version() {
        return version;
    }

    List<Integer> suites() {
        return suites;
    }

    List<Integer> groups() {
        return groups;
    }

    /** The ClientHello handshake message wrapped in one TLS record. */
    byte[] toRecord() {
        byte[] handshake = handshakeMessage();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(22);
        // Record version: SSLv3 for an SSLv3 hello, else TLS 1.0, which every server accepts in the first record.
        int recordVersion = version == TlsVersion.SSLv3 ? 0x0300 : 0x0301;
        u16(out, recordVersion);
        u16(out, handshake.length);
        out.write(handshake, 0, handshake.length);
        return out.toByteArray();
    }

    private byte[] handshakeMessage() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean tls13 = version == TlsVersion.TLSv1_3;
        u16(body, tls13 ? TlsVersion.TLSv1_2.wireValue() : version.wireValue());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        body.write(random, 0, random.length);
        body.write(0); // no session id: never resume, always a full ServerHello
        List<Integer> offered = new ArrayList<>(suites);
        if (!tls13) {
            offered.add(RENEGOTIATION_SCSV);
        }
        u16(body, offered.size() * 2);
        for (int suite : offered) {
            u16(body, suite);
        }
        body.write(1);
        body.write(0); // null compression only
        // SSLv3 servers predate extensions; some old stacks fail on them, so an SSLv3 hello carries none.
        if (version != TlsVersion.SSLv3) {
            byte[] extensions = padded(extensions(tls13), body.size());
            u16(body, extensions.length);
            body.write(extensions, 0, extensions.length);
        }
        byte[] b = body.toByteArray();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(1);
        u24(message, b.length);
        message.write(b, 0, b.length);
        return message.toByteArray();
    }

    private byte[] extensions(boolean tls13) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        if (serverName != null) {
            byte[] name = serverName.getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream sni = new ByteArrayOutputStream();
            u16(sni, name.length + 3);
            sni.write(0);
            u16(sni, name.length);
            sni.write(name, 0, name.length);
            extension(ext, 0x0000, sni.toByteArray());
        }
        if (!groups.isEmpty()) {
            ByteArrayOutputStream g = new ByteArrayOutputStream();
            u16(g, groups.size() * 2);
            for (int group : groups) {
                u16(g, group);
            }
            extension(ext, 0x000A, g.toByteArray());
        }
        extension(ext, 0x000B, new byte[] {1, 0}); // ec_point_formats: uncompressed
        ByteArrayOutputStream sig = new ByteArrayOutputStream();
        u16(sig, TlsNames.SIGNATURE_SCHEMES.size() * 2);
        for (int scheme : TlsNames.SIGNATURE_SCHEMES) {
            u16(sig, scheme);
        }
        extension(ext, 0x000D, sig.toByteArray());
        if (alpn != null) {
            byte[] name = alpn.getBytes(StandardCharsets.US_ASCII);
            ByteArrayOutputStream a = new ByteArrayOutputStream();
            u16(a, name.length + 1);
            a.write(name.length);
            a.write(name, 0, name.length);
            extension(ext, 0x0010, a.toByteArray());
        }
        if (tls13) {
            extension(ext, 0x002B, new byte[] {2, 3, 4}); // supported_versions: TLS 1.3 only
            extension(ext, 0x002D, new byte[] {1, 1}); // psk_key_exchange_modes: psk_dhe_ke
            // An empty key_share makes the server answer with a HelloRetryRequest naming its group: that already
            // tells acceptance, suite and group without any key generation on our side (RFC 8446 4.2.8).
            extension(ext, 0x0033, new byte[] {0, 0});
        }
        return ext.toByteArray();
    }

    /**
     * Adds a padding extension (RFC 7685) so the handshake message is at least {@link #MIN_HANDSHAKE_LENGTH} bytes.
     * Why: a TDS 7.x-only SQL Server reads a raw ClientHello (the TDS 8 path) as a TDS header whose length is
     * 256 + the record length's high byte; a shorter hello leaves it waiting for the rest of that "packet" until our
     * read timeout. At 512 bytes or more it always has the whole packet and answers at once. (512 also avoids the
     * 256..511-byte hello range some middleboxes hang on, which is why OpenSSL and BoringSSL pad the same way.)
     */
    private static byte[] padded(byte[] extensions, int bodyBeforeExtensions) {
        int length = 4 + bodyBeforeExtensions + 2 + extensions.length;
        if (length >= MIN_HANDSHAKE_LENGTH) {
            return extensions;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(extensions, 0, extensions.length);
        extension(out, 0x0015, new byte[Math.max(0, MIN_HANDSHAKE_LENGTH - length - 4)]);
        return out.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.write(data, 0, data.length);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value);
    }

    private static void u24(ByteArrayOutputStream out, int value) {
        out.write(value >>> 16);
        out.write(value >>> 8);
        out.write(value);
    }
}
