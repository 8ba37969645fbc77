package io.tlscompat.agent.record;

import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;

/** Suite code to IANA name through core's registry; unknown codes become {@code 0xC02F}-style text. */
final class SuiteNames {
    private SuiteNames() {
    }

    static String name(int code) {
        CipherSuite s = CipherSuites.byCode(code);
        return s != null ? s.name() : String.format("0x%04X", code);
    }
}
