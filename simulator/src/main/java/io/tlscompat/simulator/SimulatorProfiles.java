package io.tlscompat.simulator;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tls.KeyExchange;
import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named profiles: real SQL Server builds on their usual Windows versions (TLS support per build: KB3135244 and
 * sql-docs tls-1-3.md; suites: the MicrosoftDocs/win32 "TLS Cipher Suites in Windows ..." pages), and
 * the classic failure scenarios of Microsoft's "existing connection was forcibly closed" article.
 */
public final class SimulatorProfiles {
    /** Message when a profile name is unknown; followed by the known names. */
    public static final String UNKNOWN_PROFILE = "unknown simulator profile '%s'; known profiles: %s";

    private static final Map<String, SimulatorProfile> PROFILES = build();

    private SimulatorProfiles() {
    }

    /**
     * @throws IllegalArgumentException naming the profile and listing the known ones
     */
    public static SimulatorProfile named(String name) {
        SimulatorProfile p = PROFILES.get(name);
        if (p == null) {
            throw new IllegalArgumentException(String.format(UNKNOWN_PROFILE, name, String.join(", ", names())));
        }
        return p;
    }

    /** All profile names, in a stable order (oldest server first, then the scenarios). */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(PROFILES.keySet()));
    }

    private static Map<String, SimulatorProfile> build() {
        Map<String, SimulatorProfile> m = new LinkedHashMap<>();
        add(m, SimulatorProfile.builder("sql2008r2-rtm")
                .description("SQL Server 2008 R2 RTM on Windows Server 2008 R2: TLS 1.0 only (no KB3135244 update)")
                .productVersion("10.50.1600")
                .protocols(TlsVersion.TLSv1)
                .namedGroups("secp256r1", "secp384r1")
                .cipherSuites(WindowsCipherSuites.WINDOWS_2008R2));
        add(m, SimulatorProfile.builder("sql2014-rtm-win2012r2")
                .description("SQL Server 2014 RTM without the TLS 1.2 update on Windows Server 2012 R2: TLS 1.0 only")
                .productVersion("12.0.2000")
                .protocols(TlsVersion.TLSv1)
                .namedGroups("secp256r1", "secp384r1")
                .cipherSuites(WindowsCipherSuites.WINDOWS_2012R2));
        add(m, SimulatorProfile.builder("sql2014-win2012r2")
                .description("SQL Server 2014 SP3 on Windows Server 2012 R2: TLS 1.0-1.2, ECDHE_RSA CBC only")
                .productVersion("12.0.6024")
                .protocols(TlsVersion.TLSv1, TlsVersion.TLSv1_1, TlsVersion.TLSv1_2)
                .namedGroups("secp256r1", "secp384r1")
                .cipherSuites(WindowsCipherSuites.WINDOWS_2012R2));
        add(m, SimulatorProfile.builder("sql2016-win2016")
                .description("SQL Server 2016 SP2 on Windows Server 2016: TLS 1.0-1.2")
                .productVersion("13.0.5026")
                .protocols(TlsVersion.TLSv1, TlsVersion.TLSv1_1, TlsVersion.TLSv1_2)
                .cipherSuites(WindowsCipherSuites.WINDOWS_2016));
        add(m, SimulatorProfile.builder("sql2019-win2019")
                .description("SQL Server 2019 on Windows Server 2019: TLS 1.0-1.2, DHE_RSA GCM only")
                .productVersion("15.0.2000")
                .protocols(TlsVersion.TLSv1, TlsVersion.TLSv1_1, TlsVersion.TLSv1_2)
                .cipherSuites(WindowsCipherSuites.WINDOWS_2019));
        add(m, SimulatorProfile.builder("sql2022-win2022")
                .description("SQL Server 2022 CU1+ on Windows Server 2022: TDS 7.x with TLS 1.0-1.2, TDS 8 with TLS 1.3/1.2")
                .productVersion("16.0.4003")
                .protocols(TlsVersion.TLSv1, TlsVersion.TLSv1_1, TlsVersion.TLSv1_2)
                .strict(TlsVersion.TLSv1_3, TlsVersion.TLSv1_2)
                .ignoresSupportedVersions(false)
                .cipherSuites(WindowsCipherSuites.WINDOWS_2022));
        add(m, SimulatorProfile.builder("sql2022-force-strict")
                .description("SQL Server 2022 with Force Strict Encryption: TDS 8 only, a plain PRELOGIN is reset")
                .productVersion("16.0.4003")
                .protocols(TlsVersion.TLSv1_2)
                .strict(TlsVersion.TLSv1_3, TlsVersion.TLSv1_2)
                .forceStrict(true)
                .ignoresSupportedVersions(false)
                .cipherSuites(WindowsCipherSuites.WINDOWS_2022));
        add(m, SimulatorProfile.builder("rsa-only-hardened")
                .description("Hardened server: TLS 1.2 with TLS_RSA_* suites only (no common suite with JDK 24+)")
                .productVersion("15.0.2000")
                .protocols(TlsVersion.TLSv1_2)
                .cipherSuites(WindowsCipherSuites.only(WindowsCipherSuites.WINDOWS_2019, KeyExchange.RSA)));
        add(m, SimulatorProfile.builder("md5-cert")
                .description("CA-issued server certificate signed with MD5 (picked from the machine store): Schannel"
                        + " resets TLS 1.2 handshakes (scenario 3)")
                .productVersion("13.0.5026")
                .protocols(TlsVersion.TLSv1, TlsVersion.TLSv1_1, TlsVersion.TLSv1_2)
                .certSignature(CertificateSignature.MD5)
                .certSubjectCn("sql.example.test")
                .certIssuerCn("Corp Issuing CA")
                .cipherSuites(WindowsCipherSuites.WINDOWS_2016));
        add(m, SimulatorProfile.builder("dhe-only-win2012r2")
                .description("Windows Server 2012 R2 with DHE suites only and the unpatched DHE leading-zero bug (KB4557473)")
                .productVersion("12.0.6024")
                .protocols(TlsVersion.TLSv1, TlsVersion.TLSv1_1, TlsVersion.TLSv1_2)
                .namedGroups("secp256r1", "secp384r1")
                .cipherSuites(WindowsCipherSuites.only(WindowsCipherSuites.WINDOWS_2012R2, KeyExchange.DHE))
                .dheBug(DheBug.INTERMITTENT));
        add(m, SimulatorProfile.builder("no-encryption")
                .description("Server without encryption support: PRELOGIN answers ENCRYPT_NOT_SUP, no TLS at all")
                .productVersion("15.0.2000")
                .encryption(EncryptionLevel.NOT_SUP));
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, SimulatorProfile> m, SimulatorProfile.Builder b) {
        SimulatorProfile p = b.build();
        m.put(p.name(), p);
    }
}
