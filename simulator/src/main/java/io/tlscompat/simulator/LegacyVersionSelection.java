package io.tlscompat.simulator;

import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.TlsVersion;

import java.security.SecureRandom;
import java.util.List;

/**
 * How a Windows server without TLS 1.3 picks the version: the highest version it has that is not above the
 * ClientHello's legacy version, ignoring supported_versions. When that version is one the client's
 * supported_versions does not allow (a JDK 16+ client against a TLS 1.0-only SQL Server 2008 R2), the real server
 * still answers with a ServerHello for it and the client aborts with "The server selected protocol version TLS10 is
 * not accepted by client preferences [TLS13, TLS12]". Bouncy Castle would refuse to produce that ServerHello, so
 * the simulator writes it itself.
 */
final class LegacyVersionSelection {
    private LegacyVersionSelection() {
    }

    /**
     * @return the ServerHello record an old Schannel sends when the client will refuse its version, or null when
     *         Bouncy Castle's negotiation gives the same outcome as Schannel's
     */
    static byte[] refusedServerHello(ClientHelloInfo hello, List<TlsVersion> serverVersions,
            List<CipherSuite> serverSuites) {
        if (hello == null || hello.supportedVersions() == null || serverVersions.contains(TlsVersion.TLSv1_3)) {
            // Without supported_versions BC negotiates from the legacy version too; a server with TLS 1.3 knows
            // the extension.
            return null;
        }
        TlsVersion chosen = null;
        for (TlsVersion v : serverVersions) {
            if (v.wireValue() <= hello.legacyVersion() && (chosen == null || v.wireValue() > chosen.wireValue())) {
                chosen = v;
            }
        }
        if (chosen == null || hello.supportedVersions().contains(chosen.wireValue())) {
            return null;
        }
        int suite = -1;
        for (CipherSuite s : serverSuites) {
            if (hello.cipherSuites().contains(s.code()) && !s.isTls13()) {
                suite = s.code();
                break;
            }
        }
        if (suite < 0) {
            return null; // no common suite either: Schannel resets, as BC's failure does
        }
        return serverHello(chosen.wireValue(), suite);
    }

    private static byte[] serverHello(int version, int suite) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        int bodyLength = 2 + 32 + 1 + 2 + 1;
        byte[] r = new byte[5 + 4 + bodyLength];
        r[0] = ClientWire.TLS_HANDSHAKE;
        r[1] = (byte) (version >>> 8);
        r[2] = (byte) version;
        r[3] = (byte) ((4 + bodyLength) >>> 8);
        r[4] = (byte) (4 + bodyLength);
        r[5] = 2; // server_hello
        r[8] = (byte) bodyLength;
        r[9] = (byte) (version >>> 8);
        r[10] = (byte) version;
        System.arraycopy(random, 0, r, 11, 32);
        r[43] = 0; // empty session id
        r[44] = (byte) (suite >>> 8);
        r[45] = (byte) suite;
        r[46] = 0; // null compression
        return r;
    }
}
