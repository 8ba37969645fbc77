package io.tlscompat.core.probe;

import io.tlscompat.core.cert.CertificateParseException;
import io.tlscompat.core.cert.CertificateParser;
import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.profile.PreloginInfo;
import io.tlscompat.core.profile.ProfileNote;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.PreloginMessage;
import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import io.tlscompat.core.tls.KeyExchange;
import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the per-version results into a {@link ServerProfile}, and runs the few follow-up connections that need the
 * enumeration's answers: the key ECDHE groups not yet seen (at most 5 connections, usually 3 or fewer), and the
 * TLS 1.3 certificate/ALPN handshake when nothing older gave them (at most 1).
 */
final class ProfileAssembler {
    private final String target;
    private final PreloginMessage prelogin;
    private final boolean tds7Supported;
    private final List<VersionResult> results;

    private List<byte[]> chain = Collections.emptyList();
    private String tds8Alpn;
    private List<String> ecdheGroups = Collections.emptyList();
    private Integer dheBits;

    ProfileAssembler(String target, PreloginMessage prelogin, boolean tds7Supported, List<VersionResult> results) {
        this.target = target;
        this.prelogin = prelogin;
        this.tds7Supported = tds7Supported;
        this.results = results;
    }

    boolean anyAccepted(ProbePath path) {
        for (VersionResult r : results) {
            if (r.path() == path && r.isAccepted()) {
                return true;
            }
        }
        return false;
    }

    /** The failure for a target that answered neither PRELOGIN nor a TLS ClientHello. */
    ProbeException notTdsOrSilent(Deadline deadline) {
        boolean allSilent = true;
        String notTls = null;
        for (VersionResult r : results) {
            allSilent &= r.endedInSilence();
            if (notTls == null && r.notTls() != null) {
                notTls = r.notTls();
            }
        }
        if (allSilent && !results.isEmpty()) {
            return new ProbeException(ProbeException.Reason.TIMEOUT,
                    String.format(ProbeMessages.DEADLINE, target, deadline.budgetMillis()));
        }
        String detail = notTls != null ? "it answered a TLS ClientHello with " + notTls
                : ProbeMessages.REFUSED_BOTH;
        return new ProbeException(ProbeException.Reason.NOT_TDS, String.format(ProbeMessages.NOT_TDS, target, detail));
    }

    /** Certificate, ALPN, DHE size from the enumeration; then groups and, if needed, one TLS 1.3 handshake. */
    void addExtras(Connector connector, HelloFactory hellos, String host, int readTimeoutMillis)
            throws ProbeException {
        boolean tds8Below13 = false;
        for (VersionResult r : results) {
            for (HelloResponse answer : r.answers()) {
                if (chain.isEmpty() && !answer.certificates().isEmpty()) {
                    chain = answer.certificates();
                }
                if (answer.dheBits() != null && (dheBits == null || answer.dheBits() < dheBits)) {
                    // The smallest group is the one that breaks clients (JDK 8 refuses DHE above 2048 bits, newer
                    // JDKs refuse below 1024), so that is the one to report.
                    dheBits = answer.dheBits();
                }
                if (r.path() == ProbePath.TDS8 && r.version() != TlsVersion.TLSv1_3) {
                    tds8Below13 = true;
                    if (tds8Alpn == null) {
                        tds8Alpn = answer.alpn();
                    }
                }
            }
        }
        VersionResult tls13 = tls13Result();
        boolean needAlpn = tls13 != null && tls13.path() == ProbePath.TDS8 && !tds8Below13;
        if (tls13 != null && (chain.isEmpty() || needAlpn)) {
            CertificateHandshake.Result handshake = new CertificateHandshake(
                    new HelloExchanger(connector, tls13.path(), readTimeoutMillis), host).run();
            if (chain.isEmpty() && !handshake.certificates.isEmpty()) {
                chain = handshake.certificates;
            }
            if (needAlpn) {
                tds8Alpn = handshake.alpn;
            }
        }
        List<Integer> groups = groupsSeen();
        VersionResult forGroups = groupSource();
        if (forGroups != null) {
            groups.addAll(new GroupEnumerator(new HelloExchanger(connector, forGroups.path(), readTimeoutMillis),
                    hellos).enumerate(forGroups.version(), groupSuites(forGroups), groups));
        }
        List<String> names = new ArrayList<>();
        for (int group : groups) {
            names.add(TlsNames.group(group));
        }
        ecdheGroups = names;
    }

    /** EC groups the server chose by itself during the suite walks, in the order first seen. */
    private List<Integer> groupsSeen() {
        List<Integer> seen = new ArrayList<>();
        for (VersionResult r : results) {
            for (HelloResponse answer : r.answers()) {
                Integer group = answer.namedGroup();
                if (group != null && TlsNames.EC_GROUPS.containsKey(group) && !seen.contains(group)) {
                    seen.add(group);
                }
            }
        }
        return seen;
    }

    /** TLS 1.3 result to fetch a certificate from: TDS 8 first, where TLS 1.3 belongs. */
    private VersionResult tls13Result() {
        VersionResult found = null;
        for (VersionResult r : results) {
            if (r.version() == TlsVersion.TLSv1_3 && r.isAccepted() && (found == null || r.path() == ProbePath.TDS8)) {
                found = r;
            }
        }
        return found;
    }

    /** The newest accepted TLS ≤ 1.2 version with an ECDHE suite (TDS 7.x first), else an accepted TLS 1.3. */
    private VersionResult groupSource() {
        VersionResult best = null;
        for (VersionResult r : results) {
            if (r.version() != TlsVersion.TLSv1_3 && !groupSuites(r).isEmpty()
                    && (best == null || better(r, best))) {
                best = r;
            }
        }
        return best != null ? best : tls13Result();
    }

    private static boolean better(VersionResult r, VersionResult than) {
        if (r.path() != than.path()) {
            return r.path() == ProbePath.TDS7;
        }
        return r.version().compareTo(than.version()) > 0;
    }

    private static List<Integer> groupSuites(VersionResult r) {
        List<Integer> out = new ArrayList<>();
        for (int code : r.accepted()) {
            CipherSuite suite = CipherSuites.byCode(code);
            if (suite.keyExchange() == KeyExchange.ECDHE || suite.isTls13()) {
                out.add(code);
            }
        }
        return out;
    }

    /**
     * The rejection style: the first refusal of a whole protocol version (what an old client meets), TDS 7.x
     * before TDS 8, oldest version first; else the refusal that ended a suite walk. Only paths that speak TLS count:
     * how a TDS 7.x-only server drops a raw ClientHello says nothing about its TLS.
     */
    private String rejection() {
        String fallback = null;
        for (ProbePath path : ProbePath.values()) {
            if (!anyAccepted(path)) {
                continue;
            }
            for (TlsVersion version : TlsVersion.values()) {
                for (VersionResult r : results) {
                    if (r.path() == path && r.version() == version && r.rejection() != null) {
                        if (!r.isAccepted()) {
                            return r.rejection();
                        }
                        if (fallback == null) {
                            fallback = r.rejection();
                        }
                    }
                }
            }
        }
        return fallback;
    }

    private PathProfile path(ProbePath path, boolean supported, String alpn) {
        Map<TlsVersion, ProtocolSupport> protocols = new EnumMap<>(TlsVersion.class);
        for (VersionResult r : results) {
            if (r.path() == path && r.isAccepted()) {
                List<String> names = new ArrayList<>();
                for (int code : r.accepted()) {
                    names.add(CipherSuites.byCode(code).name());
                }
                protocols.put(r.version(), new ProtocolSupport(names, r.serverOrder()));
            }
        }
        return new PathProfile(supported, protocols, alpn);
    }

    /**
     * Every malformed answer, grouped by path and parse error so a server that breaks the same way for every
     * version gets one note, not six.
     */
    private List<ProfileNote> notes() {
        Map<String, List<String>> versionsByNote = new LinkedHashMap<>();
        Map<String, String> errorByNote = new LinkedHashMap<>();
        for (VersionResult r : results) {
            String pathName = r.path() == ProbePath.TDS7 ? "TDS 7.x" : "TDS 8";
            String error = null;
            String kind = null;
            if (r.flaw() != null) {
                error = r.flaw();
                kind = ProbeMessages.NOTE_MALFORMED_ANSWER;
            } else if (r.notTls() != null && r.path() == ProbePath.TDS7) {
                // TDS 8 is left out: how a TDS 7.x-only server answers a raw ClientHello says nothing about its TLS.
                error = r.notTls();
                kind = ProbeMessages.NOTE_NOT_TLS;
            }
            collect(versionsByNote, errorByNote, kind, pathName, error, r.version());
            for (HelloResponse answer : r.answers()) {
                if (answer.flaw() != null) {
                    collect(versionsByNote, errorByNote, ProbeMessages.NOTE_MALFORMED_FLIGHT, pathName,
                            answer.flaw(), r.version());
                }
            }
        }
        List<ProfileNote> notes = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : versionsByNote.entrySet()) {
            // key = sentence format, path name, error (see collect); every sentence takes path and versions
            String[] parts = e.getKey().split("\n", 3);
            String message = String.format(parts[0], parts[1], String.join(", ", e.getValue()));
            notes.add(new ProfileNote(message, errorByNote.get(e.getKey())));
        }
        return notes;
    }

    private static void collect(Map<String, List<String>> versionsByNote, Map<String, String> errorByNote,
            String kind, String pathName, String error, TlsVersion version) {
        if (kind == null) {
            return;
        }
        String key = kind + "\n" + pathName + "\n" + error;
        List<String> versions = versionsByNote.get(key);
        if (versions == null) {
            versions = new ArrayList<>();
            versionsByNote.put(key, versions);
            errorByNote.put(key, error);
        }
        if (!versions.contains(version.jdkName())) {
            versions.add(version.jdkName());
        }
    }

    ServerProfile build(int connections, long elapsedMillis) {
        List<ProfileNote> notes = notes();
        List<CertificateInfo> infos = new ArrayList<>();
        for (byte[] der : chain) {
            try {
                infos.add(CertificateParser.parse(der).withDer(Base64.getEncoder().encodeToString(der)));
            } catch (CertificateParseException e) {
                // An unreadable certificate ends the recorded chain; the suites are still right, and the note says
                // why the certificate is missing.
                notes.add(new ProfileNote(ProbeMessages.NOTE_CERTIFICATE, e.getMessage()));
                break;
            }
        }
        // The leaf alone stays in "certificate", exactly as before the chain was recorded.
        CertificateInfo info = infos.isEmpty() ? null : infos.get(0).withoutDer();
        PreloginInfo preloginInfo = prelogin == null ? null
                : new PreloginInfo(prelogin.version(), prelogin.encryption(), prelogin.instance());
        boolean tds8Supported = anyAccepted(ProbePath.TDS8);
        ServerProfile.Builder builder = ServerProfile.builder()
                .target(target)
                .connections(connections)
                .elapsedMillis(elapsedMillis)
                .prelogin(preloginInfo)
                .tds7(path(ProbePath.TDS7, tds7Supported, null))
                .tds8(path(ProbePath.TDS8, tds8Supported, tds8Supported ? tds8Alpn : null))
                .certificate(info)
                .certificateChain(infos)
                .dheGroupBits(dheBits)
                .ecdheGroups(ecdheGroups)
                .rejection(rejection());
        for (ProfileNote note : notes) {
            builder.note(note);
        }
        return builder.build();
    }
}
