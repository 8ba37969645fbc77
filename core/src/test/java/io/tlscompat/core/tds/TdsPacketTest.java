package io.tlscompat.core.tds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;

import org.junit.jupiter.api.Test;

class TdsPacketTest {
    @Test
    void messagesSplitIntoPacketsAndJoinBack() throws Exception {
        byte[] message = new byte[10_000];
        for (int i = 0; i < message.length; i++) {
            message[i] = (byte) i;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int next = TdsMessages.write(out, TdsPacketType.PRELOGIN, message, 4096, 255);
        assertThat(next).isEqualTo(2); // 255, 0, 1 used: ids wrap mod 256
        byte[] wire = out.toByteArray();
        assertThat(wire[0]).isEqualTo((byte) 0x12);
        assertThat(wire[1]).isEqualTo((byte) 0); // not EOM
        assertThat(((wire[2] & 0xFF) << 8) | (wire[3] & 0xFF)).isEqualTo(4096);

        byte[] back = TdsMessages.read(new ByteArrayInputStream(wire), TdsPacketType.PRELOGIN, 20_000);
        assertThat(back).isEqualTo(message);
    }

    @Test
    void boundsAndTruncationAreErrors() {
        byte[] absurd = {0x04, 0x01, 0x00, 0x03, 0, 0, 1, 0};
        assertThat(catchThrowableOfType(TdsProtocolException.class,
                () -> TdsPacket.read(new ByteArrayInputStream(absurd)))).hasMessageContaining("length field 3");
        byte[] truncated = {0x04, 0x01, 0x00, 0x20, 0, 0, 1, 0, 1, 2};
        assertThat(catchThrowableOfType(EOFException.class,
                () -> TdsPacket.read(new ByteArrayInputStream(truncated)))).hasMessageContaining("2 of 24 bytes");
        byte[] twoPackets = {0x04, 0x00, 0x00, 0x0A, 0, 0, 1, 0, 1, 2, 0x04, 0x01, 0x00, 0x0A, 0, 0, 2, 0, 3, 4};
        assertThat(catchThrowableOfType(TdsProtocolException.class,
                () -> TdsMessages.read(new ByteArrayInputStream(twoPackets), 0x04, 3)))
                .hasMessage("TDS message larger than 3 bytes");
        assertThat(catchThrowableOfType(TdsProtocolException.class,
                () -> TdsMessages.read(new ByteArrayInputStream(twoPackets), 0x12, 100)))
                .hasMessage("unexpected TDS packet type 0x04 (expected 0x12)");
    }

    @Test
    void productNamesFollowTheVersionTable() {
        assertThat(SqlServerVersion.parse("10.0.1600").productName()).isEqualTo("SQL Server 2008");
        assertThat(SqlServerVersion.parse("10.50.6000").productName()).isEqualTo("SQL Server 2008 R2");
        assertThat(SqlServerVersion.parse("14.0.3456").productName()).isEqualTo("SQL Server 2017");
        assertThat(SqlServerVersion.parse("16.0.4003").productName()).isEqualTo("SQL Server 2022");
        assertThat(SqlServerVersion.parse("99.0.1").productName()).isEqualTo("SQL Server (unknown version 99.0)");
        assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> SqlServerVersion.parse("13")))
                .hasMessage("not a SQL Server version: '13' (expected e.g. 13.0.5026)");
    }
}
