package io.tlscompat.core.eval;

import io.tlscompat.core.profile.CertificateInfo;

/**
 * Schannel's rule for a SQL Server's own certificate (Microsoft's "existing connection was forcibly closed" article,
 * scenario 3): a certificate signed with MD5, SHA-224 or SHA-512 "will not work with TLS 1.2", and "self-signed
 * certificates aren't affected". Such a server drops every TLS 1.2 handshake, so a probe sees only older versions;
 * the gate and the agent both name the certificate, not the version list, as the cause.
 */
public final class SchannelCertificateRule {
    private SchannelCertificateRule() {
    }

    /** True when Schannel cannot use this server certificate with TLS 1.2. */
    public static boolean blocksTls12(CertificateInfo cert) {
        if (cert == null || cert.selfSigned()) {
            return false;
        }
        String hash = CertificateChecks.hashOf(cert.signatureAlgorithm());
        return hash != null && CertificateChecks.SCHANNEL_WEAK_HASHES.contains(hash);
    }
}
