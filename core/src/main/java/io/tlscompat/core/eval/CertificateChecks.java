package io.tlscompat.core.eval;

import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.ServerProfile;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the client will do with the server certificate: refuse its signature hash (JDK constraints, Schannel's
 * TLS 1.2 rule), and, when it validates, judge trust, host name and dates the way mssql-jdbc does.
 */
final class CertificateChecks {
    /** Hashes Schannel refuses in TLS 1.2 certificate signatures (tls-exist-connection-closed.md, scenario 3). */
    static final List<String> SCHANNEL_WEAK_HASHES = Arrays.asList("MD5", "SHA224", "SHA512");
    private static final Pattern CN = Pattern.compile("(?:^|,)\\s*CN=([^,]+)", Pattern.CASE_INSENSITIVE);

    private final Instant now;

    CertificateChecks(Instant now) {
        this.now = now;
    }

    void check(ClientProfile client, ServerProfile server, String protocol, boolean windowsDeclared,
            Evaluator.Findings f) {
        CertificateInfo cert = server.certificate();
        if (cert == null) {
            return;
        }
        signature(client, cert, protocol, windowsDeclared, f);
        if (client.kind() != ClientProfile.Kind.JAVA || !Evaluator.validates(client, server)) {
            return;
        }
        String why = client.strict() ? "encrypt=strict" : client.validation().name().equals("ALWAYS")
                ? "encryption requested without trustServerCertificate=true"
                : "the server forces encryption and the driver is 10.2+";
        expiry(cert, why, f);
        if (cert.selfSigned() && !client.trustConfigured()) {
            f.add(FindingCode.CERTIFICATE_UNTRUSTED, Severity.ERROR, String.format(FindingTexts.UNTRUSTED,
                    cert.subject(), why), FindingTexts.FIX_UNTRUSTED, Finding.Subject.URL, "subject", cert.subject(),
                    "issuer", cert.issuer(), "selfSigned", true, "trustConfigured", false);
        }
        List<String> names = names(cert);
        String host = client.hostnameToCheck();
        if (host != null && !names.isEmpty() && !matchesAny(host, names)) {
            f.add(FindingCode.CERTIFICATE_HOSTNAME_MISMATCH, Severity.ERROR, String.format(
                    FindingTexts.HOSTNAME_MISMATCH, String.join(", ", names), host),
                    String.format(FindingTexts.FIX_HOSTNAME_MISMATCH, host), Finding.Subject.URL,
                    "certificateNames", names, "hostnameChecked", host);
        }
    }

    private void signature(ClientProfile client, CertificateInfo cert, String protocol, boolean windowsDeclared,
            Evaluator.Findings f) {
        String sig = cert.signatureAlgorithm();
        String hash = hashOf(sig);
        if (hash == null) {
            return;
        }
        // "Self-signed certificates aren't affected" by Schannel's rule (tls-exist-connection-closed.md).
        boolean schannelRefuses = !cert.selfSigned() && "TLSv1.2".equals(protocol);
        if (client.kind() == ClientProfile.Kind.JAVA) {
            if (client.certificateConstraints().disablesSignature(sig)) {
                f.add(FindingCode.WEAK_CERTIFICATE_SIGNATURE, Severity.ERROR, String.format(
                        FindingTexts.WEAK_SIGNATURE_JAVA, sig), FindingTexts.FIX_WEAK_SIGNATURE,
                        Finding.Subject.SERVER, "signatureAlgorithm", sig, "clientConstraints",
                        client.certificateConstraints().text());
            } else if (schannelRefuses && !windowsDeclared && SCHANNEL_WEAK_HASHES.contains(hash)) {
                f.add(FindingCode.WEAK_CERTIFICATE_SIGNATURE, Severity.WARNING, String.format(
                        FindingTexts.WEAK_SIGNATURE_WINDOWS_PEERS, sig), FindingTexts.FIX_WEAK_SIGNATURE,
                        Finding.Subject.SERVER, "signatureAlgorithm", sig, "refusedBy", "Windows Schannel, TLS 1.2");
            }
        } else if (schannelRefuses && client.refusedCertificateHashesTls12().contains(hash)) {
            f.add(FindingCode.WEAK_CERTIFICATE_SIGNATURE, Severity.ERROR, String.format(
                    FindingTexts.WEAK_SIGNATURE_WINDOWS, sig, client.name()), FindingTexts.FIX_WEAK_SIGNATURE,
                    Finding.Subject.SERVER, "signatureAlgorithm", sig, "refusedHashes",
                    client.refusedCertificateHashesTls12());
        }
    }

    private void expiry(CertificateInfo cert, String why, Evaluator.Findings f) {
        try {
            Instant from = Instant.parse(cert.notBefore());
            Instant to = Instant.parse(cert.notAfter());
            if (now.isBefore(from) || now.isAfter(to)) {
                f.add(FindingCode.CERTIFICATE_EXPIRED, Severity.ERROR, String.format(FindingTexts.EXPIRED,
                        cert.notBefore(), cert.notAfter(), now, why), FindingTexts.FIX_EXPIRED,
                        Finding.Subject.SERVER, "notBefore", cert.notBefore(), "notAfter", cert.notAfter(),
                        "checkedAt", now.toString());
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // a profile without dates says nothing about expiry
        }
    }

    /** MD5 for MD5withRSA, SHA256 for SHA256withECDSA; null for algorithms without a "with" (e.g. RSASSA-PSS). */
    static String hashOf(String signatureAlgorithm) {
        if (signatureAlgorithm == null) {
            return null;
        }
        String u = signatureAlgorithm.toUpperCase(Locale.ROOT);
        int with = u.indexOf("WITH");
        return with <= 0 ? null : u.substring(0, with).replace("-", "");
    }

    /** The DNS names a certificate carries: subject alternative names, else the subject CN. */
    static List<String> names(CertificateInfo cert) {
        List<String> names = new ArrayList<>();
        for (String san : cert.subjectAltNames()) {
            String n = san.replaceFirst("^(?i)(DNS|IP|IP Address):\\s*", "").trim();
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        if (cert.subject() != null) {
            Matcher m = CN.matcher(cert.subject());
            if (m.find() && !names.contains(m.group(1).trim())) {
                names.add(m.group(1).trim());
            }
        }
        return names;
    }

    /** mssql-jdbc accepts the CN or any DNS SAN, with a leading "*." wildcard for one label. */
    static boolean matchesAny(String host, List<String> names) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String name : names) {
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals(h)) {
                return true;
            }
            if (n.startsWith("*.") && h.indexOf('.') > 0 && h.substring(h.indexOf('.')).equals(n.substring(1))) {
                return true;
            }
        }
        return false;
    }
}
