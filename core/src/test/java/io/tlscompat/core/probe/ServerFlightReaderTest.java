package io.tlscompat.core.probe;

import static io.tlscompat.core.probe.TlsBytes.concat;
import static io.tlscompat.core.probe.TlsBytes.extension;
import static io.tlscompat.core.probe.TlsBytes.handshake;
import static io.tlscompat.core.probe.TlsBytes.record;
import static io.tlscompat.core.probe.TlsBytes.serverHello;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlscompat.core.tls.TlsVersion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ServerFlightReaderTest {
    private static final byte[] RANDOM = new byte[32];
    private static final int ECDHE_RSA_AES128_GCM = 0xC02F;
    private static final int DHE_RSA_AES128_GCM = 0x009E;

    private static HelloResponse read(byte[] bytes, TlsVersion offered) throws java.io.IOException {
        return ServerFlightReader.read(new ByteArrayInputStream(bytes), offered);
    }

    @Test
    void tls12FlightGivesSuiteAlpnCertificateAndCurve() throws Exception {
        byte[] alpn = extension(0x0010, new byte[] {0, 8, 7, 't', 'd', 's', '/', '8', '.', '0'});
        byte[] sh = handshake(2, serverHello(0x0303, ECDHE_RSA_AES128_GCM, RANDOM, alpn));
        byte[] cert = handshake(11, TlsBytes.certificateMessage(new byte[] {1, 2, 3}, new byte[] {4, 5}));
        byte[] ske = handshake(12, new byte[] {3, 0x00, 0x17, 1, 4});
        byte[] done = handshake(14, new byte[0]);
        // ServerHello and Certificate split across records the way real servers do.
        byte[] flight = concat(sh, cert, ske, done);
        byte[] bytes = concat(record(22, 0x0303, java.util.Arrays.copyOf(flight, 10)),
                record(22, 0x0303, java.util.Arrays.copyOfRange(flight, 10, flight.length)));

        HelloResponse r = read(bytes, TlsVersion.TLSv1_2);

        assertThat(r.kind()).isEqualTo(HelloResponse.Kind.ACCEPTED);
        assertThat(r.version()).isEqualTo(TlsVersion.TLSv1_2);
        assertThat(r.cipherSuite()).isEqualTo(ECDHE_RSA_AES128_GCM);
        assertThat(r.alpn()).isEqualTo("tds/8.0");
        assertThat(r.certificates()).hasSize(2);
        assertThat(r.certificates().get(0)).containsExactly(1, 2, 3);
        assertThat(r.namedGroup()).isEqualTo(0x0017);
        assertThat(r.dheBits()).isNull();
    }

    @Test
    void dheServerKeyExchangeGivesPrimeBits() throws Exception {
        byte[] p = new byte[128];
        p[0] = (byte) 0x80;
        byte[] ske = concat(new byte[] {0, (byte) 128}, p, new byte[] {0, 1, 2});
        byte[] bytes = record(22, 0x0301, concat(handshake(2, serverHello(0x0301, DHE_RSA_AES128_GCM, RANDOM, null)),
                handshake(12, ske), handshake(14, new byte[0])));

        HelloResponse r = read(bytes, TlsVersion.TLSv1);

        assertThat(r.dheBits()).isEqualTo(1024);
    }

    @Test
    void tls13ServerHelloIsEnoughAndReadsTheKeyShareGroup() throws Exception {
        byte[] ext = concat(extension(0x002B, new byte[] {3, 4}), extension(0x0033, new byte[] {0, 0x1D, 0, 1, 9}));
        byte[] bytes = record(22, 0x0303, handshake(2, serverHello(0x0303, 0x1302, RANDOM, ext)));

        HelloResponse r = read(bytes, TlsVersion.TLSv1_3);

        assertThat(r.kind()).isEqualTo(HelloResponse.Kind.ACCEPTED);
        assertThat(r.cipherSuite()).isEqualTo(0x1302);
        assertThat(r.namedGroup()).isEqualTo(0x001D);
    }

    @Test
    void lowerVersionThanOfferedIsOtherVersion() throws Exception {
        byte[] bytes = record(22, 0x0301, handshake(2, serverHello(0x0301, 0x002F, RANDOM, null)));

        HelloResponse r = read(bytes, TlsVersion.TLSv1_1);

        assertThat(r.kind()).isEqualTo(HelloResponse.Kind.OTHER_VERSION);
        assertThat(r.version()).isEqualTo(TlsVersion.TLSv1);
    }

    @Test
    void alertIsARejectionByName() throws Exception {
        assertThat(read(record(21, 0x0303, new byte[] {2, 70}), TlsVersion.TLSv1).rejection())
                .isEqualTo("alert:protocol_version");
        assertThat(read(record(21, 0x0303, new byte[] {2, 40}), TlsVersion.TLSv1_2).rejection())
                .isEqualTo("alert:handshake_failure");
        assertThat(read(record(21, 0x0303, new byte[] {2, (byte) 200}), TlsVersion.TLSv1_2).rejection())
                .isEqualTo("alert:alert_200");
    }

    @Test
    void closeAndResetAndSilenceAreTold() throws Exception {
        assertThat(read(new byte[0], TlsVersion.TLSv1_2).rejection()).isEqualTo("close");
        assertThat(ServerFlightReader.read(failing(new SocketException("Connection reset")), TlsVersion.TLSv1_2)
                .rejection()).isEqualTo("reset");
        assertThat(ServerFlightReader.read(failing(new SocketTimeoutException("Read timed out")), TlsVersion.TLSv1_2)
                .kind()).isEqualTo(HelloResponse.Kind.NO_ANSWER);
    }

    @Test
    void notTlsIsAParseErrorWithTheFirstBytes() {
        TlsParseException e = catchThrowableOfType(TlsParseException.class,
                () -> read("HTTP/1.1 400 Bad".getBytes(StandardCharsets.US_ASCII), TlsVersion.TLSv1_2));
        assertThat(e).hasMessage("not a TLS record (first bytes 485454)");
    }

    @Test
    void oversizedRecordAndEndlessHandshakeAreRefused() {
        assertThat(catchThrowableOfType(TlsParseException.class,
                () -> read(new byte[] {22, 3, 3, (byte) 0xFF, (byte) 0xFF}, TlsVersion.TLSv1_2)))
                .hasMessageContaining("larger than TLS allows");
        // Handshake records forever, none completing a message: bounded by MAX_FLIGHT_BYTES.
        byte[] start = handshake(2, serverHello(0x0303, 0x002F, RANDOM, null));
        byte[] endless = concat(record(22, 0x0303, start), record(22, 0x0303, new byte[] {11, 0x0F, (byte) 0xFF, 0}));
        byte[] filler = record(22, 0x0303, new byte[16000]);
        InputStream in = new InputStream() {
            private int pos;

            @Override
            public int read() {
                int i = pos++;
                return i < endless.length ? endless[i] & 0xFF : filler[(i - endless.length) % filler.length] & 0xFF;
            }
        };
        // The ServerHello was understood, so the answer is "accepted" with what is known, not an endless read.
        assertThat(catchThrowableOfType(Throwable.class, () -> {
            HelloResponse r = ServerFlightReader.read(in, TlsVersion.TLSv1_2);
            assertThat(r.kind()).isEqualTo(HelloResponse.Kind.ACCEPTED);
            assertThat(r.certificates()).isEmpty();
        })).isNull();
    }

    @Test
    void truncatedServerHelloIsAParseError() {
        byte[] sh = serverHello(0x0303, 0x002F, RANDOM, extension(0x002B, new byte[] {3, 4}));
        byte[] cut = java.util.Arrays.copyOf(sh, sh.length - 3);
        // Lie about the extension block length so it points past the end.
        TlsParseException e = catchThrowableOfType(TlsParseException.class,
                () -> ServerHello.parse(cut));
        assertThat(e).hasMessageContaining("truncated");
    }

    @Test
    void helloRetryRequestIsRecognised() throws Exception {
        byte[] hrrRandom = {
            (byte) 0xCF, 0x21, (byte) 0xAD, 0x74, (byte) 0xE5, (byte) 0x9A, 0x61, 0x11, (byte) 0xBE, 0x1D,
            (byte) 0x8C, 0x02, 0x1E, 0x65, (byte) 0xB8, (byte) 0x91, (byte) 0xC2, (byte) 0xA2, 0x11, 0x16, 0x7A,
            (byte) 0xBB, (byte) 0x8C, 0x5E, 0x07, (byte) 0x9E, 0x09, (byte) 0xE2, (byte) 0xC8, (byte) 0xA8, 0x33,
            (byte) 0x9C};
        byte[] ext = concat(extension(0x002B, new byte[] {3, 4}), extension(0x0033, new byte[] {0, 0x17}));
        ServerHello hello = ServerHello.parse(serverHello(0x0303, 0x1301, hrrRandom, ext));
        assertThat(hello.isHelloRetryRequest()).isTrue();
        assertThat(hello.keyShareGroup()).isEqualTo(0x0017);
        assertThat(hello.version()).isEqualTo(0x0304);
    }

    private static InputStream failing(IOException e) {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                throw e;
            }
        };
    }
}
