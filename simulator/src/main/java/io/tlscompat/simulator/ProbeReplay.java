package io.tlscompat.simulator;

import io.tlscompat.core.profile.CertificateInfo;
import io.tlscompat.core.profile.PathProfile;
import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import io.tlscompat.core.tls.TlsVersion;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns what {@code probe --json} found on a real server ({@link ServerProfile}) into a simulator profile, so a
 * production posture can be reproduced locally. What the simulator cannot reproduce (non-RSA certificates, suites
 * Bouncy Castle cannot serve, unknown groups) is left out and listed in {@link #notes()}.
 */
public final class ProbeReplay {
    private final SimulatorProfile profile;
    private final List<String> notes;

    private ProbeReplay(SimulatorProfile profile, List<String> notes) {
        this.profile = profile;
        this.notes = Collections.unmodifiableList(notes);
    }

    public SimulatorProfile profile() {
        return profile;
    }

    /** One line per fact of the probed server that the replay leaves out or approximates. */
    public List<String> notes() {
        return notes;
    }

    /**
     * @param name the new profile's name
     * @throws IllegalArgumentException when the probe found nothing the simulator can serve
     */
    public static ProbeReplay of(ServerProfile probed, String name) {
        List<String> notes = new ArrayList<>();
        SimulatorProfile.Builder b = SimulatorProfile.builder(name)
                .description("replay of the probe of " + probed.target());
        EncryptionLevel encryption = EncryptionLevel.OFF;
        if (probed.prelogin() != null) {
            b.productVersion(probed.prelogin().version().toString());
            encryption = encryptionSetting(probed.prelogin().encryption());
            b.encryption(encryption);
        }
        PathProfile tds7 = probed.tds7();
        PathProfile tds8 = probed.tds8();
        boolean tds7Works = tds7 != null && tds7.supported() && !tds7.protocols().isEmpty();
        boolean tds8Works = tds8 != null && tds8.supported() && !tds8.protocols().isEmpty();
        if (tds7Works) {
            b.protocols(new ArrayList<>(sorted(tds7.protocols()).keySet()));
        } else if (tds8Works) {
            b.protocols(TlsVersion.TLSv1_2).forceStrict(true);
        } else if (encryption != EncryptionLevel.NOT_SUP) {
            throw new IllegalArgumentException("the probe of " + probed.target()
                    + " found no TLS version on either path; nothing to replay");
        }
        if (tds8Works) {
            List<TlsVersion> strict = new ArrayList<>(sorted(tds8.protocols()).keySet());
            Collections.reverse(strict);
            b.strict(strict.toArray(new TlsVersion[0]));
            b.ignoresSupportedVersions(false);
        }
        List<CipherSuite> suites = new ArrayList<>();
        boolean serverOrder = false;
        for (PathProfile path : new PathProfile[] {tds8Works ? tds8 : null, tds7Works ? tds7 : null}) {
            if (path == null) {
                continue;
            }
            // Highest version first: its order is the server's preference; older versions add their extras.
            List<Map.Entry<TlsVersion, ProtocolSupport>> entries = new ArrayList<>(sorted(path.protocols()).entrySet());
            Collections.reverse(entries);
            for (Map.Entry<TlsVersion, ProtocolSupport> e : entries) {
                serverOrder |= e.getValue().serverOrder();
                for (String n : e.getValue().cipherSuites()) {
                    addSuite(suites, n, notes);
                }
            }
        }
        if (!suites.isEmpty()) {
            List<CipherSuite> unservable = SimulatorTlsServer.unsupportedSuites(new LeadingZeroBugCrypto(DheBug.NEVER),
                    suites);
            if (!unservable.isEmpty()) {
                notes.add("left out suites Bouncy Castle cannot serve: " + unservable);
                suites.removeAll(unservable);
            }
            b.cipherSuites(suites);
        }
        b.serverOrder(serverOrder);
        certificate(b, probed.certificate(), tds7Works && probed.tds7().protocols().containsKey(TlsVersion.TLSv1_2),
                notes);
        groups(b, probed, notes);
        rejection(b, probed.rejection());
        return new ProbeReplay(b.build(), notes);
    }

    private static <V> TreeMap<TlsVersion, V> sorted(Map<TlsVersion, V> m) {
        return new TreeMap<>(m);
    }

    /** The probe asks for ON: ON means "available" (SQL Server's default OFF setting answers ON to ON). */
    private static EncryptionLevel encryptionSetting(EncryptionLevel answerToOn) {
        if (answerToOn == null || answerToOn == EncryptionLevel.ON || answerToOn == EncryptionLevel.OFF) {
            return EncryptionLevel.OFF;
        }
        return answerToOn;
    }

    private static void addSuite(List<CipherSuite> suites, String name, List<String> notes) {
        CipherSuite s = CipherSuites.byName(name);
        if (s == null) {
            notes.add("left out suite " + name + ": not in the IANA registry");
        } else if (!s.usesRsaCertificate() || (s.usesEcdsaCertificate() && !s.isTls13())) {
            notes.add("left out suite " + name + ": the simulator serves RSA certificates only");
        } else if (!suites.contains(s)) {
            suites.add(s);
        }
    }

    private static void certificate(SimulatorProfile.Builder b, CertificateInfo cert, boolean tls12Served,
            List<String> notes) {
        if (cert == null) {
            notes.add("no certificate in the probe: using SQL Server's self-signed default");
            return;
        }
        if (!"RSA".equalsIgnoreCase(cert.keyAlgorithm())) {
            notes.add("server certificate key is " + cert.keyAlgorithm() + "; the replay serves RSA");
        } else if (cert.keySize() >= 512 && cert.keySize() <= 8192) {
            b.keySize(cert.keySize());
        }
        CertificateSignature sig = CertificateSignature.fromText(cert.signatureAlgorithm());
        if (sig == null) {
            notes.add("certificate signature " + cert.signatureAlgorithm() + " replaced by SHA256withRSA");
        } else {
            b.certSignature(sig);
            if (sig.rejectedBySchannelOnTls12() && tls12Served) {
                // The real server did serve it with TLS 1.2, so whatever Schannel does elsewhere, not here.
                b.schannelRejectsWeakCertificate(false);
            }
        }
        String cn = commonName(cert.subject());
        if (cn != null) {
            b.certSubjectCn(cn);
        }
        b.certSans(cert.subjectAltNames().toArray(new String[0]));
        try {
            b.certValidity(Instant.parse(cert.notBefore()), Instant.parse(cert.notAfter()));
        } catch (DateTimeParseException | NullPointerException e) {
            notes.add("certificate validity unreadable; using one year from now");
        }
        if (!cert.selfSigned()) {
            // Schannel's weak-hash rule spares self-signed certificates, so the issuer matters to the replay.
            String issuer = commonName(cert.issuer());
            b.certIssuerCn(issuer != null ? issuer : "Replayed Issuing CA");
            notes.add("the real certificate is CA-issued (" + cert.issuer() + "); the replay's is issued by a"
                    + " stand-in CA of that name");
        }
    }

    private static String commonName(String rfc2253) {
        try {
            RDN[] cns = new X500Name(BCStyle.INSTANCE, rfc2253).getRDNs(BCStyle.CN);
            return cns.length == 0 ? null : IETFUtils.valueToString(cns[0].getFirst().getValue());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void groups(SimulatorProfile.Builder b, ServerProfile probed, List<String> notes) {
        List<String> known = new ArrayList<>();
        for (String g : probed.ecdheGroups()) {
            if (NamedGroups.code(g) >= 0) {
                known.add(g);
            } else {
                notes.add("left out unknown group " + g);
            }
        }
        if (!known.isEmpty()) {
            b.namedGroups(known.toArray(new String[0]));
        }
        Integer dh = probed.dheGroupBits();
        if (dh != null) {
            try {
                b.dheGroupBits(dh);
            } catch (IllegalArgumentException e) {
                notes.add("DHE group of " + dh + " bits replaced by the default");
            }
        }
    }

    private static void rejection(SimulatorProfile.Builder b, String rejection) {
        if (rejection == null) {
            return;
        }
        if (rejection.startsWith("alert")) {
            b.rejection(Rejection.ALERT);
        } else if (rejection.equals("close")) {
            b.rejection(Rejection.CLOSE);
        } else {
            b.rejection(Rejection.RESET);
        }
    }
}
