package io.tlscompat.core.cert;

import io.tlscompat.core.client.DisabledAlgorithms;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathChecker;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates the chain a server sent the way the JDK's default X509TrustManager does for a driver: PKIX
 * ({@link CertPathValidator}) from the leaf to a trusted certificate of the trust store, at a given instant,
 * without revocation checks (the JDK's default), refusing signatures the target JDK's
 * {@code jdk.certpath.disabledAlgorithms} disables. Host names are not its concern.
 */
public final class ChainValidator {
    /** Reason when the store holds no trusted certificate (missing file, wrong store). */
    public static final String NO_ANCHORS = "the trust store %s holds no trusted certificate";
    /** Reason when the store cannot be read. */
    public static final String UNREADABLE_STORE = "the trust store %s cannot be read as %s: %s";

    private ChainValidator() {
    }

    /** What PKIX said: trusted, or the reason it is not. */
    public static final class Result {
        private final boolean trusted;
        private final String reason;

        Result(boolean trusted, String reason) {
            this.trusted = trusted;
            this.reason = reason;
        }

        public boolean trusted() {
            return trusted;
        }

        /** Why the path was refused, in the JDK's words; null when trusted. */
        public String reason() {
            return reason;
        }
    }

    /**
     * Reads the trusted certificates of a store; a missing file is an empty store, as for mssql-jdbc, which then
     * "reports that no certificate is found" (IOBuffer.loadTrustStore).
     *
     * @throws GeneralSecurityException when the file exists but is not a readable store of that type
     */
    public static Set<TrustAnchor> anchors(File store, String type, char[] password)
            throws GeneralSecurityException, IOException {
        Set<TrustAnchor> anchors = new HashSet<>();
        if (!store.isFile()) {
            return anchors;
        }
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = new FileInputStream(store)) {
            ks.load(in, password);
        }
        for (Enumeration<String> e = ks.aliases(); e.hasMoreElements();) {
            String alias = e.nextElement();
            if (ks.isCertificateEntry(alias)) {
                Certificate c = ks.getCertificate(alias);
                if (c instanceof X509Certificate) {
                    anchors.add(new TrustAnchor((X509Certificate) c, null));
                }
            }
        }
        return anchors;
    }

    /**
     * @param chain     the server's chain, leaf first
     * @param anchors   the trust store's certificates
     * @param disabled  the target JDK's jdk.certpath.disabledAlgorithms
     * @param at        the instant dates are judged at
     */
    public static Result validate(List<X509Certificate> chain, Set<TrustAnchor> anchors, DisabledAlgorithms disabled,
            Date at) {
        if (anchors.isEmpty()) {
            return new Result(false, "no trusted certificate");
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        // A server may send its root too; PKIX wants the path without the anchor itself.
        while (path.size() > 1 && isAnchor(path.get(path.size() - 1), anchors)) {
            path.remove(path.size() - 1);
        }
        if (path.size() == 1 && isAnchor(path.get(0), anchors)) {
            // The leaf itself is trusted (a pinned self-signed certificate in the store): the JDK accepts it.
            return dates(path.get(0), at);
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            CertPath certPath = factory.generateCertPath(path);
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(at);
            params.addCertPathChecker(new SignatureChecker(disabled));
            CertPathValidator.getInstance("PKIX").validate(certPath, params);
            return new Result(true, null);
        } catch (CertPathValidatorException e) {
            return new Result(false, reasonOf(e));
        } catch (GeneralSecurityException e) {
            return new Result(false, e.getMessage());
        }
    }

    private static Result dates(X509Certificate cert, Date at) {
        try {
            cert.checkValidity(at);
            return new Result(true, null);
        } catch (GeneralSecurityException e) {
            return new Result(false, e.getMessage());
        }
    }

    private static boolean isAnchor(X509Certificate c, Set<TrustAnchor> anchors) {
        for (TrustAnchor a : anchors) {
            if (c.equals(a.getTrustedCert())) {
                return true;
            }
        }
        return false;
    }

    private static String reasonOf(CertPathValidatorException e) {
        String reason = e.getReason() == null ? "" : e.getReason().toString();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (reason.equals("NO_TRUST_ANCHOR") || message.contains("anchor")) {
            return "no trusted certificate issued this chain (" + message + ")";
        }
        return message;
    }

    /** Refuses a certificate of the path whose signature the target JDK's jdk.certpath.disabledAlgorithms names. */
    private static final class SignatureChecker extends PKIXCertPathChecker {
        private final DisabledAlgorithms disabled;

        SignatureChecker(DisabledAlgorithms disabled) {
            this.disabled = disabled;
        }

        @Override
        public void init(boolean forward) {
        }

        @Override
        public boolean isForwardCheckingSupported() {
            return true;
        }

        @Override
        public Set<String> getSupportedExtensions() {
            return Collections.emptySet();
        }

        @Override
        public void check(Certificate cert, Collection<String> unresolvedCritExts)
                throws CertPathValidatorException {
            String alg = ((X509Certificate) cert).getSigAlgName();
            if (disabled.disablesSignature(alg)) {
                throw new CertPathValidatorException("Algorithm constraints check failed on signature algorithm: "
                        + alg + " (jdk.certpath.disabledAlgorithms of the target JDK)");
            }
        }
    }
}
