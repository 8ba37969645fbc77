package io.tlscompat.core.cert;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * Certificates made on the fly for tests: self-signed ones with a chosen signature algorithm and key, and a private
 * CA with the server certificates it issues (chosen names and expiry).
 */
public final class TestCertificates {
    public static final char[] PASSWORD = "test".toCharArray();

    private TestCertificates() {
    }

    /** A key pair and its self-signed certificate. */
    public static final class Issued {
        public final KeyPair keyPair;
        public final X509Certificate certificate;

        Issued(KeyPair keyPair, X509Certificate certificate) {
            this.keyPair = keyPair;
            this.certificate = certificate;
        }

        /** A PKCS12 key store holding the key under alias "server". */
        public KeyStore keyStore() throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", keyPair.getPrivate(), PASSWORD, new Certificate[] {certificate});
            return ks;
        }
    }

    /**
     * @param cn            common name, also the DNS SAN
     * @param signature     JCA signature algorithm, e.g. SHA256withRSA, MD5withRSA, SHA256withECDSA
     * @param keyAlgorithm  RSA or EC
     * @param keySize       bits
     */
    public static Issued selfSigned(String cn, String signature, String keyAlgorithm, int keySize) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyAlgorithm);
        generator.initialize(keySize);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("O=tls-compat test,CN=" + cn);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name,
                pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, cn), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signature).build(pair.getPrivate())));
        return new Issued(pair, cert);
    }

    /** A private root CA (RSA 2048, SHA256withRSA, valid for ten years). */
    public static Issued ca(String cn) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("O=tls-compat test,CN=" + cn);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(3650, ChronoUnit.DAYS)), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        return new Issued(pair, cert);
    }

    /**
     * A server certificate issued by {@code ca}.
     *
     * @param cn       subject common name
     * @param dnsSans  DNS subject alternative names
     * @param ipSans   IP-address subject alternative names
     * @param notAfter the expiry
     */
    public static Issued issuedBy(Issued ca, String cn, String[] dnsSans, String[] ipSans, Instant notAfter)
            throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate,
                BigInteger.valueOf(now.toEpochMilli() + 1), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(notAfter), new X500Name("O=tls-compat test,CN=" + cn), pair.getPublic());
        GeneralName[] names = new GeneralName[dnsSans.length + ipSans.length];
        for (int i = 0; i < dnsSans.length; i++) {
            names[i] = new GeneralName(GeneralName.dNSName, dnsSans[i]);
        }
        for (int i = 0; i < ipSans.length; i++) {
            names[dnsSans.length + i] = new GeneralName(GeneralName.iPAddress, ipSans[i]);
        }
        if (names.length > 0) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.keyPair.getPrivate())));
        return new Issued(pair, cert);
    }

    /** A PKCS12 trust store file holding these certificates as trusted entries, with password {@link #PASSWORD}. */
    public static java.io.File trustStore(java.io.File file, X509Certificate... trusted) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            ks.setCertificateEntry("ca" + i, trusted[i]);
        }
        try (java.io.OutputStream out = new java.io.FileOutputStream(file)) {
            ks.store(out, PASSWORD);
        }
        return file;
    }
}
