/**
 * Certificate parsing for the probe: {@link io.tlscompat.core.cert.CertificateParser} turns the DER the server sent
 * into {@link io.tlscompat.core.profile.CertificateInfo} (subject, SANs, issuer, JCA signature algorithm name, key
 * type and size, validity, self-signed, SHA-256 fingerprint).
 */
package io.tlscompat.core.cert;
