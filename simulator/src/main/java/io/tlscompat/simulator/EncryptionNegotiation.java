package io.tlscompat.simulator;

import io.tlscompat.core.tds.EncryptionLevel;

/**
 * The server half of the PRELOGIN encryption negotiation (MS-TDS 2.2.6.5 table): what SQL Server answers for the
 * client's request, given its own setting.
 */
final class EncryptionNegotiation {
    private EncryptionNegotiation() {
    }

    /**
     * @param client the client's ENCRYPTION option (null when absent: treated as OFF)
     * @param server the profile's setting
     * @return the ENCRYPTION value of the PRELOGIN response
     */
    static EncryptionLevel respond(EncryptionLevel client, EncryptionLevel server) {
        EncryptionLevel c = client == null ? EncryptionLevel.OFF : client;
        switch (server) {
            case NOT_SUP:
                return EncryptionLevel.NOT_SUP;
            case OFF:
                if (c == EncryptionLevel.NOT_SUP) {
                    return EncryptionLevel.NOT_SUP;
                }
                return c == EncryptionLevel.OFF ? EncryptionLevel.OFF : EncryptionLevel.ON;
            default:
                // Force Encryption: the server's own value; a NOT_SUP client then gives up (mssql-jdbc:
                // "The server requires encryption" for REQ).
                return server;
        }
    }

    /** True when the server must drop the connection after answering: it forces TLS the client cannot do. */
    static boolean terminates(EncryptionLevel client, EncryptionLevel server) {
        return client == EncryptionLevel.NOT_SUP
                && (server == EncryptionLevel.ON || server == EncryptionLevel.REQ);
    }
}
