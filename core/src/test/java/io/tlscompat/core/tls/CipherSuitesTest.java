package io.tlscompat.core.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CipherSuitesTest {
    @Test
    void registryHasTheIanaListInValueOrder() {
        assertThat(CipherSuites.all()).hasSize(328);
        int previous = -1;
        for (CipherSuite suite : CipherSuites.all()) {
            assertThat(suite.code()).isGreaterThan(previous);
            previous = suite.code();
        }
    }

    @Test
    void looksUpByCodeAndNameIncludingOldJdkNames() {
        assertThat(CipherSuites.byCode(0xC030).name()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(CipherSuites.byName("TLS_AES_128_GCM_SHA256").code()).isEqualTo(0x1301);
        assertThat(CipherSuites.byName("SSL_RSA_WITH_3DES_EDE_CBC_SHA").code()).isEqualTo(0x000A);
        assertThat(CipherSuites.byName("NOT_A_SUITE")).isNull();
        assertThat(CipherSuites.byCode(0xFAFA).name()).isEqualTo("0xFAFA");
    }

    @Test
    void classifiesKeyExchangeAndVersionNeeds() {
        assertThat(CipherSuites.byCode(0x002F).keyExchange()).isEqualTo(KeyExchange.RSA);
        assertThat(CipherSuites.byCode(0x009E).keyExchange()).isEqualTo(KeyExchange.DHE);
        assertThat(CipherSuites.byCode(0xC02F).keyExchange()).isEqualTo(KeyExchange.ECDHE);
        assertThat(CipherSuites.byCode(0x1302).isTls13()).isTrue();
        assertThat(CipherSuites.byCode(0x00FF).isSignalling()).isTrue();
        assertThat(CipherSuites.byCode(0x009E).requiresTls12()).isTrue();
        assertThat(CipherSuites.byCode(0x002F).requiresTls12()).isFalse();
    }

    @Test
    void versionsByJdkNameAndWireValue() {
        assertThat(TlsVersion.fromJdkName("TLSv1.2")).isEqualTo(TlsVersion.TLSv1_2);
        assertThat(TlsVersion.fromWireValue(0x0304)).isEqualTo(TlsVersion.TLSv1_3);
        assertThat(TlsVersion.fromWireValue(0x0305)).isNull();
        assertThat(TlsVersion.SSLv3.jdkName()).isEqualTo("SSLv3");
    }
}
