package io.tlscompat.core.probe;

/** The two ways a client reaches SQL Server's TLS. */
enum ProbePath {
    /** TDS 7.x: PRELOGIN in clear, then the TLS handshake inside TDS packets of type 0x12. */
    TDS7("tds7"),
    /** TDS 8 strict: TLS first on the raw socket, ALPN tds/8.0. */
    TDS8("tds8");

    private final String key;

    ProbePath(String key) {
        this.key = key;
    }

    /** The JSON key and listener name: "tds7" or "tds8". */
    String key() {
        return key;
    }
}
