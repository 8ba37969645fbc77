package io.tlscompat.core.cert;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
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

/** Self-signed certificates made on the fly for tests, with a chosen signature algorithm and key. */
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
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name,
                pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, cn), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signature).build(pair.getPrivate())));
        return new Issued(pair, cert);
    }
}
