package io.tlscompat.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * A self-signed certificate and its private key, made by {@code openssl req} (not by our code, so the test's
 * expectation does not share our bugs), as PEM files for {@code openssl s_server}.
 */
public final class OpenSslCertificate {
    private final Path certificate;
    private final Path key;

    private OpenSslCertificate(Path certificate, Path key) {
        this.certificate = certificate;
        this.key = key;
    }

    /**
     * @param dir     where to write {@code <cn>.crt.pem} and {@code <cn>.key.pem}
     * @param cn      the subject common name (also the DNS SAN)
     * @param keyBits RSA key size
     * @param digest  openssl digest name for the signature: md5, sha1, sha224, sha256, sha512
     */
    public static OpenSslCertificate rsa(Path dir, String cn, int keyBits, String digest) {
        Path crt = dir.resolve(cn + ".crt.pem");
        Path key = dir.resolve(cn + ".key.pem");
        Openssl.run("req", "-x509", "-newkey", "rsa:" + keyBits, "-nodes", "-" + digest, "-days", "365",
                "-subj", "/CN=" + cn, "-addext", "subjectAltName=DNS:" + cn, "-keyout", key.toString(),
                "-out", crt.toString());
        return new OpenSslCertificate(crt, key);
    }

    /** Files made elsewhere (e.g. by {@link PrivateCa#issue}). */
    public static OpenSslCertificate of(Path certificate, Path key) {
        return new OpenSslCertificate(certificate, key);
    }

    public Path certificateFile() {
        return certificate;
    }

    public Path keyFile() {
        return key;
    }

    /** The certificate as Java parses it (the JCA names are what the probe reports). */
    public X509Certificate x509() {
        try (InputStream in = Files.newInputStream(certificate)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException("openssl wrote an unreadable certificate " + certificate, e);
        }
    }
}
