package io.tlscompat.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DisabledAlgorithmsTest {
    private final DisabledAlgorithms jdk25 = DisabledAlgorithms.parse("SSLv3, TLSv1, TLSv1.1, DTLSv1.0, RC4, DES,"
            + " MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL, ECDH, TLS_RSA_*,"
            + " rsa_pkcs1_sha1 usage HandshakeSignature");

    @Test
    void suitesAreMatchedByPatternKeyExchangeAndCipher() {
        assertThat(jdk25.disablesSuite("TLS_RSA_WITH_AES_128_GCM_SHA256")).isTrue();
        assertThat(jdk25.disablesSuite("TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256")).isTrue();
        assertThat(jdk25.disablesSuite("TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA")).isTrue();
        assertThat(jdk25.disablesSuite("TLS_ECDHE_RSA_WITH_RC4_128_SHA")).isTrue();
        assertThat(jdk25.disablesSuite("TLS_DH_anon_WITH_AES_128_CBC_SHA")).isTrue();
        assertThat(jdk25.disablesSuite("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")).isFalse();
        assertThat(jdk25.disablesSuite("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256")).isFalse();
    }

    @Test
    void protocolsSignaturesAndDhLimit() {
        assertThat(jdk25.disablesProtocol("TLSv1")).isTrue();
        assertThat(jdk25.disablesProtocol("TLSv1.2")).isFalse();
        assertThat(jdk25.disablesSignature("MD5withRSA")).isTrue();
        assertThat(jdk25.disablesSignature("SHA256withRSA")).isFalse();
        assertThat(DisabledAlgorithms.parse("MD2, MD5, SHA1 jdkCA & usage TLSServer").disablesSignature("SHA1withRSA"))
                .isFalse();
        assertThat(jdk25.minDhBits()).isEqualTo(1024);
    }
}
