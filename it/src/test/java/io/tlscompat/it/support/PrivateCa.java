package io.tlscompat.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * A private CA made by {@code openssl} (not by our code, so the expectation does not share our bugs), the server
 * certificates it issues, and JKS trust stores holding it, for the enterprise set-up: a chain from a CA the JDK does
 * not know.
 */
public final class PrivateCa {
    /** The password of the trust stores written here (a test value). */
    public static final String STORE_PASSWORD = "changeit";

    private final Path dir;
    private final String name;
    private final Path certificate;
    private final Path key;

    private PrivateCa(Path dir, String name, Path certificate, Path key) {
        this.dir = dir;
        this.name = name;
        this.certificate = certificate;
        this.key = key;
    }

    /** A root CA named {@code CN=<name>} in {@code dir}. */
    public static PrivateCa create(Path dir, String name) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path crt = dir.resolve(name + ".ca.pem");
        Path key = dir.resolve(name + ".ca.key.pem");
        Openssl.run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "3650", "-subj",
                "/CN=" + name, "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
                "keyUsage=critical,keyCertSign,cRLSign", "-keyout", key.toString(), "-out", crt.toString());
        return new PrivateCa(dir, name, crt, key);
    }

    /**
     * A server certificate issued by this CA.
     *
     * @param cn   subject common name
     * @param san  the subjectAltName value, e.g. {@code DNS:db.test,IP:127.0.0.1}
     * @param days validity from now
     */
    public OpenSslCertificate issue(String cn, String san, int days) {
        String base = name + "-" + cn + "-" + days;
        Path key = dir.resolve(base + ".key.pem");
        Path csr = dir.resolve(base + ".csr");
        Path crt = dir.resolve(base + ".crt.pem");
        Path ext = dir.resolve(base + ".ext");
        try {
            Files.write(ext, ("subjectAltName=" + san + "\nextendedKeyUsage=serverAuth\n")
                    .getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Openssl.run("req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + cn, "-keyout", key.toString(),
                "-out", csr.toString());
        Openssl.run("x509", "-req", "-in", csr.toString(), "-CA", certificate.toString(), "-CAkey", this.key.toString(),
                "-CAcreateserial", "-sha256", "-days", String.valueOf(days), "-extfile", ext.toString(), "-out",
                crt.toString());
        return OpenSslCertificate.of(crt, key);
    }

    /** The CA certificate (PEM), for {@code openssl s_server -cert_chain}. */
    public Path certificateFile() {
        return certificate;
    }

    /** A JKS trust store holding only this CA, written to {@code file}. */
    public Path trustStore(Path file) {
        try (InputStream in = Files.newInputStream(certificate); OutputStream out = Files.newOutputStream(file)) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore ks = KeyStore.getInstance("JKS");
            ks.load(null, null);
            ks.setCertificateEntry(name, ca);
            ks.store(out, STORE_PASSWORD.toCharArray());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write trust store " + file, e);
        }
    }
}
