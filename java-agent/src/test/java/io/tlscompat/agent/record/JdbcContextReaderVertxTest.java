package io.tlscompat.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * vertx-mssql-client's context from the server's PRELOGIN encryption level (MS-TDS 2.2.6.5): ENCRYPT_ON answers
 * vert.x's {@code ssl=true}, ENCRYPT_OFF its {@code ssl=false} (the login only), ENCRYPT_REQ tells neither.
 */
class JdbcContextReaderVertxTest {
    private final JdbcContextReader reader = new JdbcContextReader();

    @Test
    void encryptionLevelsBecomeTheSslSwitchWhereTheyTellIt() {
        assertThat(reader.readVertx(this, (byte) 1).encrypt()).isEqualTo("ssl=true");
        assertThat(reader.readVertx(this, (byte) 0).encrypt()).isEqualTo("ssl=false");
        assertThat(reader.readVertx(this, (byte) 3).encrypt()).isNull();
    }

    @Test
    void theContextNamesTheDriverAndTds7WithoutATrustSetting() {
        JdbcContext c = reader.readVertx(this, (byte) 1);
        assertThat(c.driver()).isEqualTo("vertx-mssql-client");
        assertThat(c.trustServerCertificate()).isNull();
        assertThat(c.tds8()).isFalse();
        assertThat(c.toJson()).containsEntry("tds", "7.x");
    }
}
