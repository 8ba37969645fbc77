package io.tlscompat.agent.cli;

import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.profile.PreloginInfo;
import io.tlscompat.core.profile.ProfileNote;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tls.TlsVersion;

import java.util.Map;

/** Renders a {@link ServerProfile} as the readable text {@code probe} prints without {@code --json}. */
final class ProfileTable {
    private ProfileTable() {
    }

    static String render(ServerProfile p) {
        StringBuilder sb = new StringBuilder();
        sb.append("target       ").append(p.target()).append('\n');
        PreloginInfo pre = p.prelogin();
        if (pre == null) {
            sb.append("prelogin     no answer (closed or reset: TDS 8 strict only?)\n");
        } else {
            String version = pre.version() == null ? "no version" : pre.version() + " (" + pre.product() + ")";
            sb.append("prelogin     ").append(version).append(", encryption ").append(pre.encryption());
            if (pre.instance() != null && !pre.instance().isEmpty()) {
                sb.append(", instance ").append(pre.instance());
            }
            sb.append('\n');
        }
        boolean noted = !p.notes().isEmpty();
        path(sb, "TDS 7.x", p.tds7(), false, noted);
        path(sb, "TDS 8", p.tds8(), true, noted);
        CertificateInfo c = p.certificate();
        if (c == null) {
            sb.append("certificate  not seen").append(noted ? " (see notes)" : "").append('\n');
        } else {
            sb.append("certificate  ").append(c.subject()).append(c.selfSigned() ? " (self-signed)" : "").append('\n');
            if (!c.subjectAltNames().isEmpty()) {
                sb.append("  SANs       ").append(String.join(", ", c.subjectAltNames())).append('\n');
            }
            sb.append("  issuer     ").append(c.issuer()).append('\n');
            sb.append("  signature  ").append(c.signatureAlgorithm()).append('\n');
            sb.append("  key        ").append(c.keyAlgorithm()).append(' ').append(c.keySize()).append(" bits\n");
            sb.append("  valid      ").append(c.notBefore()).append(" to ").append(c.notAfter()).append('\n');
        }
        sb.append("dhe          ").append(p.dheGroupBits() == null ? "no DHE suite accepted"
                : p.dheGroupBits() + "-bit group").append('\n');
        sb.append("ecdhe groups ").append(p.ecdheGroups().isEmpty() ? "none" : String.join(", ", p.ecdheGroups()))
                .append('\n');
        sb.append("rejection    ").append(p.rejection() == null ? "not seen" : p.rejection()).append('\n');
        sb.append("connections  ").append(p.connections()).append('\n');
        sb.append("elapsed      ").append(p.elapsedMillis()).append(" ms\n");
        for (ProfileNote note : p.notes()) {
            sb.append("note         ").append(note.message()).append(": ").append(note.parseError()).append('\n');
        }
        return sb.toString();
    }

    private static void path(StringBuilder sb, String name, PathProfile path, boolean tds8, boolean noted) {
        sb.append(String.format("%-12s %s", name, !path.supported() ? "not supported"
                : path.protocols().isEmpty() ? (noted ? "no TLS accepted (see notes)" : "no TLS") : "supported"));
        if (tds8 && path.supported()) {
            sb.append(", ALPN ").append(path.alpn() == null ? "not selected" : path.alpn());
        }
        sb.append('\n');
        for (Map.Entry<TlsVersion, ProtocolSupport> e : path.protocols().entrySet()) {
            ProtocolSupport s = e.getValue();
            sb.append(String.format("  %-9s  %d suites, %s order\n", e.getKey().jdkName(), s.cipherSuites().size(),
                    s.serverOrder() ? "server" : "client"));
            for (String suite : s.cipherSuites()) {
                sb.append("             ").append(suite).append('\n');
            }
        }
    }
}
