package io.tlscompat.simulator;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RSA certificate and key a simulator serves, generated at start-up from the profile's knobs (signature hash,
 * key size, CN, SANs, validity, and self-signed or issued by a stand-in CA).
 */
final class ServerCertificate {
    /**
     * RSA key generation costs up to a second per 2048-bit key on a busy machine; tests start many simulators, and
     * nothing depends on keys being distinct, so one key pair per size is shared within a JVM.
     */
    private static final Map<Integer, KeyPair> KEYS = new ConcurrentHashMap<>();

    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final AsymmetricKeyParameter privateKey;

    private ServerCertificate(KeyPair keyPair, X509Certificate certificate) throws IOException {
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.privateKey = PrivateKeyFactory.createKey(keyPair.getPrivate().getEncoded());
    }

    /** Generates the certificate described by the profile. */
    static ServerCertificate generate(SimulatorProfile profile) {
        KeyPair keys = KEYS.computeIfAbsent(profile.keySize(), ServerCertificate::newRsaKeyPair);
        Instant now = Instant.now();
        Instant notBefore = profile.certNotBefore() != null ? profile.certNotBefore() : now.minusSeconds(86400);
        Instant notAfter = profile.certNotAfter() != null ? profile.certNotAfter() : now.plusSeconds(365L * 86400);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, profile.certSubjectCn()).build();
        boolean selfSigned = profile.certIssuerCn() == null;
        X500Name issuer = selfSigned ? subject
                : new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, profile.certIssuerCn()).build();
        // A stand-in CA: its own key (of the same size, so the shared-key cache serves it under a distinct entry).
        KeyPair signing = selfSigned ? keys : KEYS.computeIfAbsent(-profile.keySize(), b -> newRsaKeyPair(-b));
        try {
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, new SecureRandom()).setBit(63), Date.from(notBefore), Date.from(notAfter),
                    subject, keys.getPublic());
            // SQL Server only picks certificates with the Server Authentication purpose.
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            if (!profile.certSans().isEmpty()) {
                GeneralName[] names = new GeneralName[profile.certSans().size()];
                for (int i = 0; i < names.length; i++) {
                    String san = profile.certSans().get(i);
                    names[i] = new GeneralName(IPAddress.isValid(san) ? GeneralName.iPAddress : GeneralName.dNSName,
                            san);
                }
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            // The JDK's SunRsaSign provider signs with every hash we need, MD5 included.
            ContentSigner signer = new JcaContentSignerBuilder(profile.certSignature().jcaName())
                    .build(signing.getPrivate());
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new ServerCertificate(keys, cert);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate the " + profile.certSignature().jcaName()
                    + " certificate for profile " + profile.name() + ": " + e.getMessage(), e);
        }
    }

    private static KeyPair newRsaKeyPair(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + bits + "-bit RSA key: " + e.getMessage(), e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    KeyPair keyPair() {
        return keyPair;
    }

    /** The private key in Bouncy Castle's light-weight form, for the TLS credentials. */
    AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    byte[] encoded() {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
