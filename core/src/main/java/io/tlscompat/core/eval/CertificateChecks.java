package io.tlscompat.core.eval;

import io.tlscompat.core.cert.CertificateParseException;
import io.tlscompat.core.cert.CertificateParser;
import io.tlscompat.core.cert.ChainValidator;
import io.tlscompat.core.cert.PinnedCertificate;
import io.tlscompat.core.client.ClientProfile;
import io.tlscompat.core.client.TrustStoreSelection;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.ServerProfile;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the client will do with the server certificate: refuse its signature hash (JDK constraints, Schannel's
 * TLS 1.2 rule), and, when it validates, judge dates, trust (PKIX of the recorded chain against the trust store the
 * driver uses, {@link ChainValidator}) and host name ({@link HostNameRules}) the way the driver does.
 */
final class CertificateChecks {
    /** Hashes Schannel refuses in TLS 1.2 certificate signatures: the knowledge base's one list. */
    static final List<String> SCHANNEL_WEAK_HASHES =
            io.tlscompat.core.kb.KnowledgeBase.get().schannelRefusedCertificateHashesTls12();

    private final Instant now;
    private final int expiryWarningDays;

    CertificateChecks(Instant now, int expiryWarningDays) {
        this.now = now;
        this.expiryWarningDays = expiryWarningDays;
    }

    void check(ClientProfile client, ServerProfile server, String protocol, boolean windowsDeclared,
            Evaluator.Findings f) {
        CertificateInfo cert = server.certificate();
        if (cert == null) {
            return;
        }
        signature(client, cert, protocol, windowsDeclared, f);
        if (client.kind() != ClientProfile.Kind.JAVA) {
            return;
        }
        if (!Evaluator.validates(client, server)) {
            expiring(cert, null, f);
            return;
        }
        String why = client.strict() ? "encrypt=strict" : client.validation().name().equals("ALWAYS")
                ? "encryption requested without trustServerCertificate=true"
                : "the server forces encryption and the driver is 10.2+";
        if (!expired(cert, why, f)) {
            expiring(cert, why, f);
        }
        boolean pinned = client.strict() && client.pinnedCertificate() != null;
        if (pinned) {
            pin(client.pinnedCertificate(), cert, f);
            return; // the driver compares the leaf with the file and checks no host name (serverCertificatePin)
        }
        trust(client, server, why, f);
        if (!client.checksHostName()) {
            return;
        }
        HostNameRules rules = new HostNameRules(client.checksIpAddressSans());
        List<String> names = rules.namesChecked(cert);
        String host = client.hostnameToCheck();
        if (host != null && !rules.matches(host, cert)) {
            f.add(FindingCode.CERTIFICATE_HOSTNAME_MISMATCH, Severity.ERROR, String.format(
                    FindingTexts.HOSTNAME_MISMATCH, String.join(", ", names), host),
                    String.format(FindingTexts.FIX_HOSTNAME_MISMATCH, host), Finding.Subject.URL,
                    "certificateNames", names, "hostnameChecked", host, "ipAddressSansIgnored",
                    rules.ipSansIgnored(cert));
        }
    }

    /** PKIX against the driver's trust store when the profile has the chain; else only self-signed is known. */
    private void trust(ClientProfile client, ServerProfile server, String why, Evaluator.Findings f) {
        CertificateInfo cert = server.certificate();
        TrustStoreSelection store = client.trustStore();
        List<X509Certificate> chain = chainOf(server);
        if (store == null || chain.isEmpty()) {
            if (cert.selfSigned() && !client.trustConfigured()) {
                f.add(FindingCode.CERTIFICATE_UNTRUSTED, Severity.ERROR, String.format(FindingTexts.UNTRUSTED,
                        cert.subject(), why), FindingTexts.FIX_UNTRUSTED, Finding.Subject.URL, "subject",
                        cert.subject(), "issuer", cert.issuer(), "selfSigned", true, "trustConfigured", false);
            }
            return;
        }
        Set<TrustAnchor> anchors;
        try {
            anchors = ChainValidator.anchors(store.file(), store.type(), store.password());
        } catch (GeneralSecurityException | IOException e) {
            f.add(FindingCode.CERTIFICATE_UNTRUSTED, Severity.ERROR, String.format(FindingTexts.UNTRUSTED_STORE,
                    store.file().getPath(), store.origin(), store.type(), e.getMessage(), why),
                    FindingTexts.FIX_UNTRUSTED_PKIX, Finding.Subject.URL, "trustStore", store.toJson());
            return;
        }
        ChainValidator.Result r = ChainValidator.validate(chain, anchors, client.certificateConstraints(),
                Date.from(validationInstant(chain)));
        if (!r.trusted() && cert.selfSigned() && TrustStoreSelection.FROM_JDK.equals(store.origin())) {
            // The usual case needs no PKIX detail: a self-signed certificate and no trust store configured.
            f.add(FindingCode.CERTIFICATE_UNTRUSTED, Severity.ERROR, String.format(FindingTexts.UNTRUSTED,
                    cert.subject(), why), FindingTexts.FIX_UNTRUSTED, Finding.Subject.URL, "subject", cert.subject(),
                    "issuer", cert.issuer(), "selfSigned", true, "trustStore", store.toJson(), "pkix", r.reason());
        } else if (!r.trusted()) {
            f.add(FindingCode.CERTIFICATE_UNTRUSTED, Severity.ERROR, String.format(FindingTexts.UNTRUSTED_PKIX,
                    cert.subject(), cert.issuer(), store.file().getPath(), store.origin(), r.reason(), why),
                    FindingTexts.FIX_UNTRUSTED_PKIX, Finding.Subject.URL, "subject", cert.subject(), "issuer",
                    cert.issuer(), "chainLength", chain.size(), "trustStore", store.toJson(), "pkix", r.reason());
        }
    }

    /** Dates are the expiry check's business: judge trust at an instant where the whole chain is in date. */
    private Instant validationInstant(List<X509Certificate> chain) {
        Instant from = Instant.MIN;
        Instant to = Instant.MAX;
        for (X509Certificate c : chain) {
            from = max(from, c.getNotBefore().toInstant());
            to = min(to, c.getNotAfter().toInstant());
        }
        if (!now.isBefore(from) && !now.isAfter(to)) {
            return now;
        }
        return from.isAfter(to) ? now : from;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static List<X509Certificate> chainOf(ServerProfile server) {
        List<X509Certificate> chain = new ArrayList<>();
        for (CertificateInfo c : server.certificateChain()) {
            if (c.der() == null) {
                return new ArrayList<>();
            }
            try {
                chain.add(CertificateParser.toX509(Base64.getDecoder().decode(c.der())));
            } catch (CertificateParseException | IllegalArgumentException e) {
                return new ArrayList<>();
            }
        }
        return chain;
    }

    private void pin(String file, CertificateInfo cert, Evaluator.Findings f) {
        String pinned = PinnedCertificate.sha256(new File(file));
        if (pinned != null && !pinned.equalsIgnoreCase(cert.sha256Fingerprint())) {
            f.add(FindingCode.CERTIFICATE_UNTRUSTED, Severity.ERROR, String.format(FindingTexts.UNTRUSTED_PIN,
                    cert.sha256Fingerprint(), file), FindingTexts.FIX_UNTRUSTED_PIN, Finding.Subject.URL,
                    "serverCertificate", file, "serverCertificateSha256", pinned, "sha256", cert.sha256Fingerprint());
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

    private boolean expired(CertificateInfo cert, String why, Evaluator.Findings f) {
        try {
            Instant from = Instant.parse(cert.notBefore());
            Instant to = Instant.parse(cert.notAfter());
            if (now.isBefore(from) || now.isAfter(to)) {
                f.add(FindingCode.CERTIFICATE_EXPIRED, Severity.ERROR, String.format(FindingTexts.EXPIRED,
                        cert.notBefore(), cert.notAfter(), now, why), FindingTexts.FIX_EXPIRED,
                        Finding.Subject.SERVER, "notBefore", cert.notBefore(), "notAfter", cert.notAfter(),
                        "checkedAt", now.toString());
                return true;
            }
        } catch (DateTimeParseException | NullPointerException e) {
            // a profile without dates says nothing about expiry
        }
        return false;
    }

    /** certificate-expiring: a warning when the client validates ({@code why} given), info when it does not. */
    private void expiring(CertificateInfo cert, String why, Evaluator.Findings f) {
        Instant to;
        try {
            to = Instant.parse(cert.notAfter());
        } catch (DateTimeParseException | NullPointerException e) {
            return;
        }
        if (now.isAfter(to) || now.plus(Duration.ofDays(expiryWarningDays)).isBefore(to)) {
            return;
        }
        long days = Duration.between(now, to).toDays();
        String message = why == null
                ? String.format(FindingTexts.EXPIRING_NOT_VALIDATED, cert.notAfter(), days, expiryWarningDays)
                : String.format(FindingTexts.EXPIRING, cert.notAfter(), days, expiryWarningDays, why);
        f.add(FindingCode.CERTIFICATE_EXPIRING, why == null ? Severity.INFO : Severity.WARNING, message,
                String.format(FindingTexts.FIX_EXPIRING, cert.notAfter()), Finding.Subject.SERVER, "notAfter",
                cert.notAfter(), "daysLeft", days, "warningDays", expiryWarningDays, "checkedAt", now.toString());
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
}
