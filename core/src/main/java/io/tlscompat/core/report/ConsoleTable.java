package io.tlscompat.core.report;

import io.tlscompat.core.eval.Evaluation;
import io.tlscompat.core.eval.Finding;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compact text the Maven log shows per target: client offer vs server accepts, the predicted handshake and the
 * verdict, then each finding with its fix. Also used for summary.md's code blocks.
 */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    /** Lines for one evaluation. */
    public static List<String> lines(Evaluation e) {
        List<String> out = new ArrayList<>();
        out.add(e.target() + " — " + e.client().name() + ": " + e.verdict().label().toUpperCase(java.util.Locale.ROOT));
        out.add(String.format("  %-16s %-44s %s", "", "client offers", "server accepts"));
        out.add(String.format("  %-16s %-44s %s", "protocols", String.join(" ", e.client().protocols()),
                e.server() == null ? "(not probed)" : serverProtocols(e)));
        out.add(String.format("  %-16s %-44s %s", "cipher suites", e.client().suites().size() + " suites",
                e.server() == null ? "-" : serverSuiteCount(e)));
        if (e.server() != null && e.server().prelogin() != null && e.server().prelogin().encryption() != null) {
            out.add(String.format("  %-16s %-44s %s", "encryption",
                    e.client().requestsEncryption() ? "required" : "optional",
                    e.server().prelogin().encryption().name()));
        }
        if (e.server() != null && e.server().certificate() != null) {
            out.add(String.format("  %-16s %-44s %s", "certificate", "validated: " + e.client().validation().name()
                    .toLowerCase(java.util.Locale.ROOT).replace('_', ' '), e.server().certificate().signatureAlgorithm()
                    + (e.server().certificate().selfSigned() ? ", self-signed" : "")));
        }
        out.add("  predicted: " + e.framing() + (e.protocol() == null ? ", no handshake"
                : ", " + e.protocol() + (e.cipherSuite() == null ? "" : ", " + e.cipherSuite())));
        for (Finding f : e.findings()) {
            out.add("  " + f.severity().label() + " " + f.code().code() + ": " + f.message());
            out.add("    fix: " + f.remediation());
        }
        return out;
    }

    private static String serverProtocols(Evaluation e) {
        Set<String> names = new LinkedHashSet<>();
        PathProfile[] paths = {e.server().tds7(), e.server().tds8()};
        String[] labels = {"", " (TDS 8)"};
        for (int i = 0; i < paths.length; i++) {
            List<String> list = new ArrayList<>();
            for (TlsVersion v : paths[i].protocols().keySet()) {
                list.add(0, v.jdkName());
            }
            if (!list.isEmpty()) {
                names.add(String.join(" ", list) + labels[i]);
            }
        }
        return names.isEmpty() ? "(none)" : String.join("; ", names);
    }

    private static String serverSuiteCount(Evaluation e) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<TlsVersion, ProtocolSupport> p : e.server().tds7().protocols().entrySet()) {
            parts.add(0, p.getKey().jdkName() + ": " + p.getValue().cipherSuites().size());
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }
}
