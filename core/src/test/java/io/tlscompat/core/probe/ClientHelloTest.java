package io.tlscompat.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Reads the probe's ClientHello back field by field, as a server would. */
class ClientHelloTest {
    /** The parsed parts of a ClientHello record. */
    private static final class Parsed {
        int recordVersion;
        int clientVersion;
        List<Integer> suites = new ArrayList<>();
        Map<Integer, byte[]> extensions = new LinkedHashMap<>();
    }

    private static Parsed parse(byte[] record) throws TlsParseException {
        Cursor r = new Cursor(record, "record");
        assertThat(r.u8()).isEqualTo(22);
        Parsed p = new Parsed();
        p.recordVersion = r.u16();
        Cursor hs = r.sub(r.u16(), "handshake");
        assertThat(r.remaining()).isZero();
        assertThat(hs.u8()).isEqualTo(1);
        Cursor body = hs.sub(hs.u24(), "ClientHello");
        p.clientVersion = body.u16();
        body.skip(32);
        body.skip(body.u8());
        Cursor suites = body.sub(body.u16(), "suites");
        while (suites.remaining() > 0) {
            p.suites.add(suites.u16());
        }
        body.skip(body.u8());
        if (body.remaining() > 0) {
            Cursor ext = body.sub(body.u16(), "extensions");
            while (ext.remaining() > 0) {
                int type = ext.u16();
                p.extensions.put(type, ext.bytes(ext.u16()));
            }
        }
        assertThat(body.remaining()).isZero();
        return p;
    }

    @Test
    void tls12HelloOffersEverySuiteEveryGroupAndWeakSignatures() throws Exception {
        List<Integer> suites = SuiteEnumerator.offerable(TlsVersion.TLSv1_2);
        Parsed p = parse(new HelloFactory("db1.example.com").hello(TlsVersion.TLSv1_2, suites, ProbePath.TDS8)
                .toRecord());

        assertThat(p.recordVersion).isEqualTo(0x0301);
        assertThat(p.clientVersion).isEqualTo(0x0303);
        assertThat(p.suites).containsSequence(suites).endsWith(ClientHello.RENEGOTIATION_SCSV);
        assertThat(p.suites).doesNotContain(0x1301, 0x5600); // no TLS 1.3 suite, no TLS_FALLBACK_SCSV
        assertThat(p.extensions).containsKeys(0x0000, 0x000A, 0x000B, 0x000D, 0x0010).doesNotContainKey(0x002B);
        assertThat(new String(p.extensions.get(0x0000), 5, 15, "US-ASCII")).isEqualTo("db1.example.com");
        assertThat(p.extensions.get(0x0010)).containsExactly(0, 8, 7, 't', 'd', 's', '/', '8', '.', '0');
        byte[] sig = p.extensions.get(0x000D);
        List<Integer> schemes = new ArrayList<>();
        for (int i = 2; i < sig.length; i += 2) {
            schemes.add(((sig[i] & 0xFF) << 8) | (sig[i + 1] & 0xFF));
        }
        assertThat(schemes).contains(0x0101, 0x0201, 0x0301, 0x0401, 0x0601, 0x0804);
        byte[] groups = p.extensions.get(0x000A);
        assertThat(groups.length).isEqualTo(2 + 2 * HelloFactory.allGroups().size());
    }

    @Test
    void tls13HelloUsesSupportedVersionsAndAnEmptyKeyShare() throws Exception {
        Parsed p = parse(new HelloFactory("10.0.0.1").hello(TlsVersion.TLSv1_3,
                SuiteEnumerator.offerable(TlsVersion.TLSv1_3), ProbePath.TDS7).toRecord());

        assertThat(p.clientVersion).isEqualTo(0x0303);
        assertThat(p.extensions.get(0x002B)).containsExactly(2, 3, 4);
        assertThat(p.extensions.get(0x0033)).containsExactly(0, 0);
        assertThat(p.extensions).doesNotContainKeys(0x0000, 0x0010); // no SNI for an IP, no ALPN on TDS 7.x
        for (int suite : p.suites) {
            assertThat(CipherSuites.byCode(suite).isTls13()).isTrue();
        }
    }

    @Test
    void shortHellosArePaddedTo512Bytes() throws Exception {
        byte[] record = new HelloFactory("db").hello(TlsVersion.TLSv1_3, Arrays.asList(0x1301),
                Arrays.asList(0x001D), ProbePath.TDS8).toRecord();
        Parsed p = parse(record);

        assertThat(record.length - 5).isEqualTo(ClientHello.MIN_HANDSHAKE_LENGTH);
        assertThat(p.extensions).containsKey(0x0015);
        // Read as a TDS header, the record announces fewer bytes than it has: a TDS server never waits for more.
        int tdsLength = ((record[2] & 0xFF) << 8) | (record[3] & 0xFF);
        assertThat(tdsLength).isLessThanOrEqualTo(record.length);

        byte[] full = new HelloFactory("db").hello(TlsVersion.TLSv1_2, SuiteEnumerator.offerable(TlsVersion.TLSv1_2),
                ProbePath.TDS8).toRecord();
        assertThat(parse(full).extensions).doesNotContainKey(0x0015);
    }

    @Test
    void sslv3HelloHasNoExtensionsAndAnSslv3Record() throws Exception {
        Parsed p = parse(new HelloFactory("db").hello(TlsVersion.SSLv3, Arrays.asList(0x000A, 0x002F),
                ProbePath.TDS7).toRecord());

        assertThat(p.recordVersion).isEqualTo(0x0300);
        assertThat(p.clientVersion).isEqualTo(0x0300);
        assertThat(p.extensions).isEmpty();
        assertThat(p.suites).containsExactly(0x000A, 0x002F, 0x00FF);
    }

    @Test
    void olderVersionsAreNotOfferedTls12OnlySuites() {
        for (int code : SuiteEnumerator.offerable(TlsVersion.TLSv1)) {
            CipherSuite suite = CipherSuites.byCode(code);
            assertThat(suite.requiresTls12() || suite.isTls13() || suite.isSignalling()).as(suite.name()).isFalse();
        }
        assertThat(SuiteEnumerator.offerable(TlsVersion.TLSv1_2)).contains(0xC02F, 0x002F).doesNotContain(0, 0x00FF);
    }
}
