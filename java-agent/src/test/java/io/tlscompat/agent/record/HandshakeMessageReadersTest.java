package io.tlscompat.agent.record;

import io.tlscompat.core.tls.CipherSuites;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** Certificate and ServerHello bodies laid out as RFC 5246/8446 define them, with a real certificate. */
class HandshakeMessageReadersTest {
    private static byte[] realCertificate() throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try (FileInputStream in = new FileInputStream(
                System.getProperty("java.home") + File.separator + "lib/security/cacerts".replace('/', File.separatorChar))) {
            ks.load(in, null);
        }
        String alias = Collections.list(ks.aliases()).get(0);
        return ((X509Certificate) ks.getCertificate(alias)).getEncoded();
    }

    private static void int24(ByteArrayOutputStream out, int v) {
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    @Test
    void readsTheLeafOfATls12CertificateMessage() throws Exception {
        byte[] der = realCertificate();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int24(body, der.length + 3);
        int24(body, der.length);
        body.write(der);
        ByteBuffer buffer = ByteBuffer.wrap(body.toByteArray());
        assertThat(CertificateMessageReader.leafDer(buffer)).isEqualTo(der);
        assertThat(buffer.position()).as("JSSE's buffer is untouched").isZero();
        assertThat(PeerCertificate.fromDer(der).subject()).isNotEmpty();
    }

    @Test
    void readsTheLeafOfATls13CertificateMessage() throws Exception {
        byte[] der = realCertificate();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0); // empty certificate_request_context
        int24(body, der.length + 3 + 2);
        int24(body, der.length);
        body.write(der);
        body.write(0); // no extensions
        body.write(0);
        assertThat(CertificateMessageReader.leafDer(ByteBuffer.wrap(body.toByteArray()))).isEqualTo(der);
    }

    @Test
    void garbageIsNotACertificate() {
        assertThat(CertificateMessageReader.leafDer(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))
                .isNull();
        assertThat(CertificateMessageReader.leafDer("not a buffer")).isNull();
    }

    @Test
    void readsTheChosenSuiteFromServerHello() {
        ByteBuffer b = ByteBuffer.allocate(2 + 32 + 1 + 32 + 2 + 1);
        b.put((byte) 3).put((byte) 3).put(new byte[32]).put((byte) 32).put(new byte[32]);
        b.put((byte) 0x00).put((byte) 0x9E).put((byte) 0);
        b.flip();
        assertThat(ServerHelloReader.cipherSuite(b)).isEqualTo(0x009E);
        assertThat(CipherSuites.byCode(0x009E).name()).isEqualTo("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(ServerHelloReader.cipherSuite(ByteBuffer.allocate(3))).isEqualTo(-1);
    }
}
