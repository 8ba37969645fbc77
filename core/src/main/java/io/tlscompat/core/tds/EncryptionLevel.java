package io.tlscompat.core.tds;

/** The PRELOGIN ENCRYPTION option (MS-TDS 2.2.6.5), without the client-certificate flag. */
public enum EncryptionLevel {
    /** Encryption available but off: only LOGIN7 travels inside TLS. */
    OFF(0x00),
    /** Encryption on for the whole session. */
    ON(0x01),
    /** No encryption available at all: no TLS. */
    NOT_SUP(0x02),
    /** Encryption required by the server. */
    REQ(0x03);

    /** Flag OR'ed onto the level when client-certificate authentication is in use. */
    public static final int CLIENT_CERT_FLAG = 0x80;

    private final int wireValue;

    EncryptionLevel(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }

    /** @return the level for a wire byte (the client-certificate flag ignored), or null when it is not one. */
    public static EncryptionLevel fromWireValue(int value) {
        int level = value & ~CLIENT_CERT_FLAG & 0xFF;
        for (EncryptionLevel e : values()) {
            if (e.wireValue == level) {
                return e;
            }
        }
        return null;
    }
}
