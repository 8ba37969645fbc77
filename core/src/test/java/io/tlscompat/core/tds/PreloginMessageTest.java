package io.tlscompat.core.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class PreloginMessageTest {
    @Test
    void serverResponseRoundTrips() throws Exception {
        byte[] body = PreloginMessage.serverResponse(SqlServerVersion.parse("15.0.2000"), EncryptionLevel.REQ).encode();

        PreloginMessage m = PreloginMessage.decode(body);

        assertThat(m.version()).isEqualTo(SqlServerVersion.parse("15.0.2000"));
        assertThat(m.version().productName()).isEqualTo("SQL Server 2019");
        assertThat(m.encryption()).isEqualTo(EncryptionLevel.REQ);
        assertThat(m.instance()).isEmpty();
    }

    @Test
    void decodesSqlServerBytesWithInstanceAndClientCertFlag() throws Exception {
        // VERSION 12.0.2000.0, ENCRYPTION 0x81 (ON | client cert), INSTOPT "MSSQLSERVER\0".
        byte[] body = {
            0x00, 0x00, 0x10, 0x00, 0x06,
            0x01, 0x00, 0x16, 0x00, 0x01,
            0x02, 0x00, 0x17, 0x00, 0x0C,
            (byte) 0xFF,
            12, 0, 0x07, (byte) 0xD0, 0, 0,
            (byte) 0x81,
            'M', 'S', 'S', 'Q', 'L', 'S', 'E', 'R', 'V', 'E', 'R', 0};
        PreloginMessage m = PreloginMessage.decode(body);

        assertThat(m.version().toString()).isEqualTo("12.0.2000");
        assertThat(m.encryption()).isEqualTo(EncryptionLevel.ON);
        assertThat(m.instance()).isEqualTo("MSSQLSERVER");
    }

    @Test
    void malformedTablesAreOneLineErrors() {
        assertThat(decodeError(new byte[0])).isEqualTo("PRELOGIN option table has no terminator");
        assertThat(decodeError(new byte[] {0x00, 0x00})).isEqualTo("PRELOGIN option table truncated at byte 0");
        assertThat(decodeError(new byte[] {0x00, 0x00, 0x06, 0x00, 0x10, (byte) 0xFF}))
                .isEqualTo("PRELOGIN option 0x00 points outside the message (offset 6, length 16, message 6 bytes)");
        assertThat(decodeError(new byte[] {0x01, 0x00, 0x0B, 0x00, 0x01, 0x01, 0x00, 0x0B, 0x00, 0x01, (byte) 0xFF,
            0x01})).isEqualTo("PRELOGIN option 0x01 appears twice");
        assertThat(decodeError(new byte[PreloginMessage.MAX_LENGTH + 1])).contains("too large");
    }

    @Test
    void unknownEncryptionValueIsNull() throws Exception {
        PreloginMessage m = PreloginMessage.decode(new byte[] {0x01, 0x00, 0x06, 0x00, 0x01, (byte) 0xFF, 0x07});
        assertThat(m.encryption()).isNull();
        assertThat(m.version()).isNull();
    }

    private static String decodeError(byte[] body) {
        return catchThrowableOfType(TdsProtocolException.class, () -> PreloginMessage.decode(body)).getMessage();
    }
}
