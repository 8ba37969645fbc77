package io.tlscompat.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * What an old, pre-TLS 1.3 Schannel reads from a ClientHello: the legacy version and the offered suites. The
 * supported_versions extension (RFC 8446) is parsed too, because Schannel ignores it and Bouncy Castle does not.
 */
final class ClientHelloInfo {
    private static final int EXT_SUPPORTED_VERSIONS = 0x002b;

    private final int legacyVersion;
    private final List<Integer> supportedVersions;
    private final List<Integer> cipherSuites;

    private ClientHelloInfo(int legacyVersion, List<Integer> supportedVersions, List<Integer> cipherSuites) {
        this.legacyVersion = legacyVersion;
        this.supportedVersions = supportedVersions;
        this.cipherSuites = cipherSuites;
    }

    /** The client_version field, e.g. 0x0303. */
    int legacyVersion() {
        return legacyVersion;
    }

    /** The supported_versions extension, or null when the client did not send it. */
    List<Integer> supportedVersions() {
        return supportedVersions;
    }

    List<Integer> cipherSuites() {
        return cipherSuites;
    }

    /**
     * Parses a TLS record holding a whole ClientHello.
     *
     * @return null when {@code record} is not a complete ClientHello in one record
     */
    static ClientHelloInfo parse(byte[] record) {
        try {
            if (record.length < 9 || record[0] != ClientWire.TLS_HANDSHAKE || record[5] != 1) {
                return null;
            }
            int recordLength = u16(record, 3);
            int bodyLength = u24(record, 6);
            if (5 + recordLength > record.length || bodyLength + 4 > recordLength) {
                return null;
            }
            int end = 9 + bodyLength;
            int p = 9;
            int legacy = u16(record, p);
            p += 2 + 32;
            p += 1 + (record[p] & 0xFF);
            int suitesLength = u16(record, p);
            p += 2;
            List<Integer> suites = new ArrayList<>();
            for (int i = 0; i < suitesLength; i += 2) {
                suites.add(u16(record, p + i));
            }
            p += suitesLength;
            p += 1 + (record[p] & 0xFF);
            List<Integer> versions = null;
            if (p + 2 <= end) {
                int extEnd = p + 2 + u16(record, p);
                p += 2;
                while (p + 4 <= extEnd && extEnd <= end) {
                    int type = u16(record, p);
                    int len = u16(record, p + 2);
                    if (type == EXT_SUPPORTED_VERSIONS) {
                        versions = new ArrayList<>();
                        int n = record[p + 4] & 0xFF;
                        for (int i = 0; i < n; i += 2) {
                            versions.add(u16(record, p + 5 + i));
                        }
                    }
                    p += 4 + len;
                }
            }
            return new ClientHelloInfo(legacy, versions, suites);
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
    }

    private static int u24(byte[] b, int p) {
        return ((b[p] & 0xFF) << 16) | u16(b, p + 1);
    }
}
