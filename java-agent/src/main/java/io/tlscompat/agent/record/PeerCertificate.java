package io.tlscompat.agent.record;

import io.tlscompat.core.cert.CertificateParseException;
import io.tlscompat.core.cert.CertificateParser;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.text.SimpleDateFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/** The server's leaf certificate as a record shows it: subject, signature algorithm, key, not-after. No key bytes. */
public final class PeerCertificate {
    private final String subject;
    private final String signatureAlgorithm;
    private final String keyAlgorithm;
    private final int keySize;
    private final String notAfter;

    public PeerCertificate(String subject, String signatureAlgorithm, String keyAlgorithm, int keySize,
            String notAfter) {
        this.subject = subject;
        this.signatureAlgorithm = signatureAlgorithm;
        this.keyAlgorithm = keyAlgorithm;
        this.keySize = keySize;
        this.notAfter = notAfter;
    }

    /** Summarises a parsed certificate. */
    private static final ThreadLocal<SimpleDateFormat> ISO = new ThreadLocal<SimpleDateFormat>() {
        @Override
        protected SimpleDateFormat initialValue() {
            SimpleDateFormat f = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT);
            f.setTimeZone(TimeZone.getTimeZone("UTC"));
            return f;
        }
    };

    public static PeerCertificate of(X509Certificate cert) {
        PublicKey key = cert.getPublicKey();
        return new PeerCertificate(cert.getSubjectX500Principal().getName(), cert.getSigAlgName(),
                key.getAlgorithm(), CertificateParser.keySize(key), ISO.get().format(cert.getNotAfter()));
    }

    /** Summaries of the servers' certificates seen last; a server presents the same one handshake after handshake. */
    private static final Map<X509Certificate, PeerCertificate> RECENT =
            new LinkedHashMap<X509Certificate, PeerCertificate>(32, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<X509Certificate, PeerCertificate> eldest) {
                    return size() > RECENT_MAX;
                }
            };
    static final int RECENT_MAX = 32;

    /**
     * {@link #of}, remembered for the last {@value #RECENT_MAX} certificates (equal by their DER encoding): decoding
     * the key and formatting the subject for every record of the same server was most of the writer's time for a
     * successful handshake.
     */
    public static PeerCertificate summaryOf(X509Certificate cert) {
        synchronized (RECENT) {
            PeerCertificate known = RECENT.get(cert);
            if (known != null) {
                return known;
            }
        }
        PeerCertificate summary = of(cert);
        synchronized (RECENT) {
            RECENT.put(cert, summary);
        }
        return summary;
    }

    /** Parses DER bytes captured from the Certificate message; null when they do not parse. */
    public static PeerCertificate fromDer(byte[] der) {
        if (der == null) {
            return null;
        }
        try {
            return of(CertificateParser.toX509(der));
        } catch (CertificateParseException | RuntimeException e) {
            return null;
        }
    }

    public String subject() {
        return subject;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    public int keySize() {
        return keySize;
    }

    public String notAfter() {
        return notAfter;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("subject", subject);
        m.put("signatureAlgorithm", signatureAlgorithm);
        m.put("keyAlgorithm", keyAlgorithm);
        m.put("keySize", keySize);
        m.put("notAfter", notAfter);
        return m;
    }
}
