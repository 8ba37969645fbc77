package io.tlscompat.core.eval;

import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.List;

/** Which of a client's suites a version can use, and which suite a server will pick. */
final class SuiteSelection {
    private SuiteSelection() {
    }

    /** TLS 1.3 uses only TLS 1.3 suites; TLS 1.2 everything else; older versions no SHA-256/384/AEAD suites. */
    static List<String> usableFor(TlsVersion version, List<String> suites) {
        List<String> out = new ArrayList<>();
        for (String name : suites) {
            CipherSuite s = CipherSuites.byName(name);
            if (s == null || s.isSignalling()) {
                continue;
            }
            boolean ok = version == TlsVersion.TLSv1_3 ? s.isTls13()
                    : !s.isTls13() && (version == TlsVersion.TLSv1_2 || !s.requiresTls12());
            if (ok) {
                out.add(s.name());
            }
        }
        return out;
    }

    /** The suite the server picks: its own first acceptable one under server order, else the client's first. */
    static String select(List<String> clientSuites, ProtocolSupport server) {
        if (server == null) {
            return null;
        }
        if (server.serverOrder()) {
            for (String s : server.cipherSuites()) {
                if (clientSuites.contains(normalise(s))) {
                    return normalise(s);
                }
            }
            return null;
        }
        for (String s : clientSuites) {
            for (String t : server.cipherSuites()) {
                if (normalise(t).equals(s)) {
                    return s;
                }
            }
        }
        return null;
    }

    private static String normalise(String name) {
        CipherSuite s = CipherSuites.byName(name);
        return s == null ? name : s.name();
    }
}
