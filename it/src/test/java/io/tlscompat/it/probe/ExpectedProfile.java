package io.tlscompat.it.probe;

import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.TlsVersion;
import io.tlscompat.simulator.Rejection;
import io.tlscompat.simulator.SimulatorProfile;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a correct probe must report for a simulator profile, derived from the profile's configuration only (never
 * from the probe's output): the versions and suites each path accepts, the order, the PRELOGIN answer, the rejection.
 */
final class ExpectedProfile {
    /** The connections a probe may open besides (accepted suites + 1) per version and path. */
    static final int CONNECTION_CONSTANT = 6;
    /** What the probe sends in PRELOGIN (the issue: "ENCRYPTION=ON"). */
    static final EncryptionLevel PROBE_REQUEST = EncryptionLevel.ON;

    private ExpectedProfile() {
    }

    /** Versions and suites of the TDS 7.x path (TLS inside PRELOGIN packets). */
    static Map<TlsVersion, ProtocolSupport> tds7(SimulatorProfile p) {
        Map<TlsVersion, ProtocolSupport> out = new EnumMap<>(TlsVersion.class);
        if (p.forceStrict() || p.encryption() == EncryptionLevel.NOT_SUP) {
            return out;
        }
        for (TlsVersion v : p.protocols()) {
            // Schannel cannot use an MD5/SHA-224/SHA-512 certificate with TLS 1.2 and drops the handshake.
            if (v == TlsVersion.TLSv1_2 && p.schannelRejectsWeakCertificate()
                    && p.certSignature().rejectedBySchannelOnTls12()) {
                continue;
            }
            put(out, v, suitesFor(p, v), p.serverOrder());
        }
        return out;
    }

    /** Versions and suites of the TDS 8 path (TLS first, ALPN tds/8.0). */
    static Map<TlsVersion, ProtocolSupport> tds8(SimulatorProfile p) {
        Map<TlsVersion, ProtocolSupport> out = new EnumMap<>(TlsVersion.class);
        if (!p.strict()) {
            return out;
        }
        for (TlsVersion v : p.strictProtocols()) {
            put(out, v, suitesFor(p, v), p.serverOrder());
        }
        return out;
    }

    private static void put(Map<TlsVersion, ProtocolSupport> out, TlsVersion v, List<String> suites,
            boolean serverOrder) {
        if (!suites.isEmpty()) {
            // One accepted suite cannot show an order, so a correct probe cannot claim one.
            out.put(v, new ProtocolSupport(suites, serverOrder && suites.size() >= 2));
        }
    }

    /** The profile's suites a server with an RSA certificate can negotiate with this version, in profile order. */
    static List<String> suitesFor(SimulatorProfile p, TlsVersion v) {
        List<String> out = new ArrayList<>();
        for (CipherSuite s : p.cipherSuites()) {
            boolean fits = v == TlsVersion.TLSv1_3 ? s.isTls13()
                    : !s.isTls13() && s.usesRsaCertificate() && (v == TlsVersion.TLSv1_2 || !s.requiresTls12());
            if (fits) {
                out.add(s.name());
            }
        }
        return out;
    }

    /**
     * The ENCRYPTION a SQL Server answers to a client asking ON (MS-TDS 2.2.6.5): a server that is not forced answers
     * ON, a forced one answers ON or REQ, one without a certificate NOT_SUP.
     */
    static EncryptionLevel encryptionAnswer(SimulatorProfile p) {
        switch (p.encryption()) {
            case NOT_SUP:
                return EncryptionLevel.NOT_SUP;
            case REQ:
                return EncryptionLevel.REQ;
            default:
                return EncryptionLevel.ON;
        }
    }

    /** The probe's name for how this profile rejects a hello. */
    static String rejection(SimulatorProfile p) {
        return p.rejection() == Rejection.RESET ? "reset" : p.rejection() == Rejection.CLOSE ? "close" : "alert:";
    }

    /** The largest number of TCP connections the issue allows for a probe that found {@code result}. */
    static int connectionBudget(ServerProfile result) {
        int budget = CONNECTION_CONSTANT;
        for (Map<TlsVersion, ProtocolSupport> path : List.of(result.tds7().protocols(), result.tds8().protocols())) {
            for (TlsVersion v : TlsVersion.values()) {
                ProtocolSupport s = path.get(v);
                budget += (s == null ? 0 : s.cipherSuites().size()) + 1;
            }
        }
        return budget;
    }

    /**
     * When the server follows the client's order the order of the accepted list says nothing about the server, so
     * for those versions compare as sets: the expectation is re-ordered like the probe's list when both hold the
     * same suites (a different set still fails the equality).
     */
    static Map<TlsVersion, ProtocolSupport> inComparableOrder(Map<TlsVersion, ProtocolSupport> expected,
            Map<TlsVersion, ProtocolSupport> actual) {
        Map<TlsVersion, ProtocolSupport> out = new EnumMap<>(TlsVersion.class);
        for (Map.Entry<TlsVersion, ProtocolSupport> e : expected.entrySet()) {
            ProtocolSupport exp = e.getValue();
            ProtocolSupport act = actual.get(e.getKey());
            if (!exp.serverOrder() && act != null && !act.serverOrder()
                    && exp.cipherSuites().size() == act.cipherSuites().size()
                    && exp.cipherSuites().containsAll(act.cipherSuites())) {
                out.put(e.getKey(), new ProtocolSupport(act.cipherSuites(), false));
            } else {
                out.put(e.getKey(), exp);
            }
        }
        return out;
    }
}
