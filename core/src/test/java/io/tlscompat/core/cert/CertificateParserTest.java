package io.tlscompat.core.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlscompat.core.profile.CertificateInfo;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CertificateParserTest {
    @ParameterizedTest
    @CsvSource({
        "MD5withRSA, RSA, 1024",
        "SHA1withRSA, RSA, 1024",
        "SHA224withRSA, RSA, 2048",
        "SHA256withRSA, RSA, 2048",
        "SHA512withRSA, RSA, 3072",
        "SHA256withECDSA, EC, 256",
        "SHA384withECDSA, EC, 384"})
    void readsSignatureAlgorithmKeyAndNames(String signature, String keyAlgorithm, int keySize) throws Exception {
        TestCertificates.Issued issued = TestCertificates.selfSigned("sql01.corp.test", signature, keyAlgorithm,
                keySize);

        CertificateInfo info = CertificateParser.parse(issued.certificate.getEncoded());

        assertThat(info.signatureAlgorithm()).isEqualTo(signature);
        assertThat(info.keyAlgorithm()).isEqualTo(keyAlgorithm);
        assertThat(info.keySize()).isEqualTo(keySize);
        assertThat(info.subject()).isEqualTo("CN=sql01.corp.test,O=tls-compat test");
        assertThat(info.issuer()).isEqualTo(info.subject());
        assertThat(info.subjectAltNames()).containsExactly("sql01.corp.test", "127.0.0.1");
        assertThat(info.selfSigned()).isTrue();
        assertThat(Instant.parse(info.notBefore())).isBefore(Instant.now());
        assertThat(Instant.parse(info.notAfter())).isAfter(Instant.now());
        assertThat(info.sha256Fingerprint()).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void garbageIsAOneLineParseError() {
        CertificateParseException e = catchThrowableOfType(CertificateParseException.class,
                () -> CertificateParser.parse(new byte[] {0x30, (byte) 0x82, 0x10, 0x00, 1, 2, 3}));
        assertThat(e.getMessage()).startsWith("not an X.509 certificate").doesNotContain("\n");
    }

    @Test
    void oversizedInputIsRefusedBeforeParsing() {
        CertificateParseException e = catchThrowableOfType(CertificateParseException.class,
                () -> CertificateParser.parse(new byte[CertificateParser.MAX_LENGTH + 1]));
        assertThat(e).hasMessageContaining("larger than");
    }
}
