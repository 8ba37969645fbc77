package io.tlscompat.core.cert;

import io.tlscompat.core.profile.CertificateInfo;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import javax.security.auth.x500.X500Principal;

/**
 * Turns a DER certificate into the {@link CertificateInfo} facts that decide compatibility: subject, SANs, issuer,
 * signature algorithm as the JCA names it (SHA256withRSA, MD5withRSA, ...), key type and size, validity.
 * Uses the JDK's X.509 parser, which is also what a JDBC client will use to judge the certificate.
 */
public final class CertificateParser {
    /** No real certificate comes close; a bound so hostile input cannot make the parser work hard. */
    public static final int MAX_LENGTH = 64 * 1024;

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private CertificateParser() {
    }

    /**
     * @param der one DER-encoded X.509 certificate
     * @throws CertificateParseException when the bytes are not one
     */
    public static CertificateInfo parse(byte[] der) throws CertificateParseException {
        if (der.length > MAX_LENGTH) {
            throw new CertificateParseException("certificate of " + der.length + " bytes is larger than "
                    + MAX_LENGTH, null);
        }
        X509Certificate cert = toX509(der);
        try {
            PublicKey key = cert.getPublicKey();
            return new CertificateInfo(
                    cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                    cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
                    subjectAltNames(cert),
                    cert.getSigAlgName(),
                    key.getAlgorithm(),
                    keySize(key),
                    cert.getNotBefore().toInstant().toString(),
                    cert.getNotAfter().toInstant().toString(),
                    isSelfSigned(cert),
                    sha256(der));
        } catch (RuntimeException e) {
            // The JDK parses some parts lazily; a malformed extension surfaces here, not in generateCertificate.
            throw new CertificateParseException("malformed certificate: " + e, e);
        }
    }

    /**
     * @throws CertificateParseException when the bytes are not a DER certificate
     */
    public static X509Certificate toX509(byte[] der) throws CertificateParseException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new CertificateParseException("not an X.509 certificate: " + firstLine(e), e);
        }
    }

    /** The key's size in bits: RSA modulus, EC field, DSA prime; 0 for key types the JDK 8 API cannot size. */
    public static int keySize(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return ((RSAPublicKey) key).getModulus().bitLength();
        }
        if (key instanceof ECPublicKey) {
            return ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
        }
        if (key instanceof DSAPublicKey && ((DSAPublicKey) key).getParams() != null) {
            return ((DSAPublicKey) key).getParams().getP().bitLength();
        }
        String algorithm = key.getAlgorithm().toLowerCase(Locale.ROOT);
        if (algorithm.contains("25519")) {
            return 255;
        }
        if (algorithm.contains("448")) {
            return 448;
        }
        return 0;
    }

    private static List<String> subjectAltNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans == null) {
                return names;
            }
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                if ((type == SAN_DNS || type == SAN_IP) && san.get(1) instanceof String) {
                    names.add((String) san.get(1));
                }
            }
        } catch (CertificateException e) {
            // An unreadable SAN extension: report none rather than lose the rest of the certificate.
        }
        return names;
    }

    private static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (Exception e) {
            // Same name but not signed by its own key (or an algorithm this JVM lacks): not provably self-signed.
            return false;
        }
    }

    private static String sha256(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b & 0xFF));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
