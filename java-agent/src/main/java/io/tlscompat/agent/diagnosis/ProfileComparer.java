package io.tlscompat.agent.diagnosis;

import io.tlscompat.agent.record.Diagnosis;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.core.eval.FindingTexts;
import io.tlscompat.core.eval.SchannelCertificateRule;
import io.tlscompat.core.finding.FindingCode;
import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tls.TlsVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Names the cause of an early drop by comparing what the server accepts (a core probe profile) with what this JVM
 * offered in the failing handshake: a certificate that keeps Schannel off TLS 1.2, no common version, or no common
 * suite.
 */
public final class ProfileComparer {
    static final String SOURCE = "probe";

    private ProfileComparer() {
    }

    public static Diagnosis compare(HandshakeRecord r, ServerProfile profile) {
        boolean tds8 = r.jdbc() != null && r.jdbc().tds8();
        if (!tds8 && profile.tds7() != null && !profile.tds7().supported() && profile.tds8() != null
                && profile.tds8().supported()) {
            return new Diagnosis(FindingCode.STRICT_ENCRYPTION_REQUIRED, r.server() + " accepts TDS 8 (strict) only"
                    + " and drops this TDS 7.x client's PRELOGIN", AgentFixes.strict(r), SOURCE);
        }
        if (r.isPrelogin()) {
            return null;
        }
        PathProfile path = tds8 ? profile.tds8() : profile.tds7();
        if (path == null || !path.supported() || path.protocols().isEmpty()) {
            return null;
        }
        List<String> accepted = new ArrayList<String>();
        List<String> common = new ArrayList<String>();
        for (TlsVersion v : path.protocols().keySet()) {
            accepted.add(v.jdkName());
            if (r.offeredProtocols().contains(v.jdkName())) {
                common.add(v.jdkName());
            }
        }
        // A certificate Schannel will not use with TLS 1.2 makes the server drop 1.2 handshakes, so the probe sees
        // only older versions: the certificate, not the version list, is the cause to fix (the gate's rule too).
        CertificateInfo cert = profile.certificate();
        if (common.isEmpty() && r.offeredProtocols().contains("TLSv1.2") && !accepted.contains("TLSv1.2")
                && SchannelCertificateRule.blocksTls12(cert)) {
            List<String> bestFirst = new ArrayList<String>(accepted);
            Collections.reverse(bestFirst); // as the gate lists them
            return new Diagnosis(FindingCode.WEAK_CERTIFICATE_SIGNATURE, String.format(
                    FindingTexts.WEAK_SIGNATURE_BLOCKS_TLS12, cert.signatureAlgorithm(), String.join(", ", bestFirst),
                    String.join(", ", r.offeredProtocols())), FindingTexts.FIX_WEAK_SIGNATURE, SOURCE);
        }
        if (common.isEmpty()) {
            return new Diagnosis(FindingCode.PROTOCOL_MISMATCH, "server accepts " + String.join(", ", accepted)
                    + " only; this JVM offers " + String.join(", ", r.offeredProtocols()),
                    AgentFixes.protocol(r, accepted), SOURCE);
        }
        boolean anySuite = false;
        List<String> serverSuites = new ArrayList<String>();
        for (Map.Entry<TlsVersion, ProtocolSupport> e : path.protocols().entrySet()) {
            if (!common.contains(e.getKey().jdkName())) {
                continue;
            }
            for (String s : e.getValue().cipherSuites()) {
                if (!serverSuites.contains(s)) {
                    serverSuites.add(s);
                }
                anySuite |= r.offeredCipherSuites().contains(s);
            }
        }
        if (!anySuite && !serverSuites.isEmpty()) {
            return new Diagnosis(FindingCode.CIPHER_MISMATCH, "server accepts only " + abbreviate(serverSuites)
                    + " with " + String.join(", ", common) + "; this JVM offers none of them",
                    AgentFixes.cipher(r, serverSuites), SOURCE);
        }
        return null;
    }

    private static String abbreviate(List<String> suites) {
        if (suites.size() <= 3) {
            return String.join(", ", suites);
        }
        return String.join(", ", suites.subList(0, 3)) + " (+" + (suites.size() - 3) + " more)";
    }
}
