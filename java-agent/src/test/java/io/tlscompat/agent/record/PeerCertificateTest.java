package io.tlscompat.agent.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-certificate summary cache: equal certificates share one summary, different ones never do. */
class PeerCertificateTest {
    private static List<X509Certificate> jdkCertificates(int n) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        try (FileInputStream in = new FileInputStream(System.getProperty("java.home") + File.separator + "lib"
                + File.separator + "security" + File.separator + "cacerts")) {
            ks.load(in, null);
        }
        List<X509Certificate> certs = new ArrayList<>();
        for (String alias : Collections.list(ks.aliases())) {
            if (certs.size() < n) {
                certs.add((X509Certificate) ks.getCertificate(alias));
            }
        }
        return certs;
    }

    @Test
    void anEqualCertificateParsedAgainGetsTheSameSummary() throws Exception {
        X509Certificate cert = jdkCertificates(1).get(0);
        // A fresh object with the same DER encoding, as each new handshake's session yields.
        X509Certificate again = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(cert.getEncoded()));
        PeerCertificate first = PeerCertificate.summaryOf(cert);
        assertThat(PeerCertificate.summaryOf(again)).isSameAs(first);
        PeerCertificate direct = PeerCertificate.of(cert);
        assertThat(first.subject()).isEqualTo(direct.subject());
        assertThat(first.toJson()).isEqualTo(direct.toJson());
    }

    @Test
    void eachCertificateKeepsItsOwnSummaryBeyondTheCacheSize() throws Exception {
        List<X509Certificate> certs = jdkCertificates(PeerCertificate.RECENT_MAX + 8);
        for (int round = 0; round < 2; round++) {
            for (X509Certificate c : certs) {
                assertThat(PeerCertificate.summaryOf(c).toJson()).isEqualTo(PeerCertificate.of(c).toJson());
            }
        }
    }
}
