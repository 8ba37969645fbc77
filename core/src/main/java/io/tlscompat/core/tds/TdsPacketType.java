package io.tlscompat.core.tds;

/** TDS packet types and status bits used by the pre-login exchange (MS-TDS 2.2.3.1). */
public final class TdsPacketType {
    /** Server response to PRELOGIN (tabular result). */
    public static final int TABULAR_RESULT = 0x04;
    /** LOGIN7. */
    public static final int LOGIN7 = 0x10;
    /** Client PRELOGIN, and the carrier of TLS handshake records in TDS 7.x (both directions). */
    public static final int PRELOGIN = 0x12;

    /** Status bit: last packet of the message. */
    public static final int STATUS_EOM = 0x01;

    /** Size of the packet header. */
    public static final int HEADER_LENGTH = 8;
    /** The largest packet the 16-bit length field can describe. */
    public static final int MAX_PACKET_LENGTH = 32767;
    /** The packet size SQL Server and mssql-jdbc use before LOGIN7 negotiates another. */
    public static final int DEFAULT_PACKET_LENGTH = 4096;

    private TdsPacketType() {
    }
}
