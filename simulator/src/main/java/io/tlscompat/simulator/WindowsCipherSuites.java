package io.tlscompat.simulator;

import io.tlscompat.core.kb.KnowledgeBase;
import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Schannel's default-enabled suites for an RSA certificate, in Windows' priority order. ECDSA suites are left out
 * (SQL Server's certificate is RSA) and so are RC4 suites (Bouncy Castle cannot serve RC4; Windows 2016+ does not
 * enable it, 2012 R2 filters it with SCH_USE_STRONG_CRYPTO).
 *
 * <p>Sources: MicrosoftDocs/win32 "TLS Cipher Suites in Windows 8.1", "... Windows 10 v1607", "... v1809",
 * "... Windows Server 2022 and later". The Windows 7 / 2008 R2 list is from the same documentation family
 * ("Cipher Suites in TLS/SSL (Schannel SSP)", Windows 7): UNCERTAIN (not checked against that page in this
 * project).
 */
final class WindowsCipherSuites {
    /** Windows Server 2008 R2 / 7: TLS_RSA AES first, ECDHE_RSA CBC_SHA, 3DES; no GCM, no DHE_RSA. */
    static final List<CipherSuite> WINDOWS_2008R2 = of(
            "TLS_RSA_WITH_AES_128_CBC_SHA256",
            "TLS_RSA_WITH_AES_128_CBC_SHA",
            "TLS_RSA_WITH_AES_256_CBC_SHA256",
            "TLS_RSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA",
            "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");

    /**
     * Windows Server 2012 R2 / 8.1: ECDHE_RSA CBC only (no ECDHE_RSA GCM), DHE_RSA GCM + CBC, TLS_RSA, 3DES. Schannel
     * orders its server and client suites alike, so this and the lists below are core's knowledge base entries for
     * the Windows clients of the same release (one source for the gate and the simulator).
     */
    static final List<CipherSuite> WINDOWS_2012R2 = fromKnowledgeBase("windows-server-2012r2");

    /** Windows Server 2016 / 10 v1607: ECDHE_RSA GCM first, then CBC; DHE_RSA GCM + CBC; TLS_RSA; 3DES. */
    static final List<CipherSuite> WINDOWS_2016 = fromKnowledgeBase("windows-server-2016");

    /** Windows Server 2019 / 10 v1809: as 2016 but DHE_RSA GCM only. */
    static final List<CipherSuite> WINDOWS_2019 = fromKnowledgeBase("windows-server-2019");

    /** Windows Server 2022: TLS 1.3 AES-GCM (no CHACHA20) then its TLS 1.2 list (the 2019 one). */
    static final List<CipherSuite> WINDOWS_2022 = concat(of(
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256"), fromKnowledgeBase("windows-server-2022"));

    private WindowsCipherSuites() {
    }

    private static List<CipherSuite> fromKnowledgeBase(String windowsClientId) {
        return of(KnowledgeBase.get().windowsClient(windowsClientId).suites().toArray(new String[0]));
    }

    static List<CipherSuite> of(String... names) {
        List<CipherSuite> list = new ArrayList<>();
        for (String n : names) {
            CipherSuite s = CipherSuites.byName(n);
            if (s == null) {
                throw new IllegalStateException("cipher suite " + n + " missing from core's registry");
            }
            list.add(s);
        }
        return Collections.unmodifiableList(list);
    }

    /** The suites of {@code list} whose key exchange is one of {@code families}, order kept. */
    static List<CipherSuite> only(List<CipherSuite> list, io.tlscompat.core.tls.KeyExchange... families) {
        List<CipherSuite> out = new ArrayList<>();
        for (CipherSuite s : list) {
            for (io.tlscompat.core.tls.KeyExchange k : families) {
                if (s.keyExchange() == k) {
                    out.add(s);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static List<CipherSuite> concat(List<CipherSuite> a, List<CipherSuite> b) {
        List<CipherSuite> out = new ArrayList<>(a);
        out.addAll(b);
        return Collections.unmodifiableList(out);
    }
}
