package io.tlscompat.core.cert;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** The {@code serverCertificate} file mssql-jdbc pins under encrypt=strict (PEM or DER), read as its SHA-256. */
public final class PinnedCertificate {
    private PinnedCertificate() {
    }

    /** Lower-case hex SHA-256 of the file's certificate, or null when it cannot be read (then nothing is judged). */
    public static String sha256(File file) {
        if (!file.isFile() || file.length() > CertificateParser.MAX_LENGTH * 2L) {
            return null;
        }
        try (InputStream in = new FileInputStream(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
            }
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(out.toByteArray()));
            return hex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (IOException | CertificateException | NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xff));
        }
        return s.toString();
    }
}
