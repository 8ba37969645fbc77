package io.tlscompat.it.probe;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.PreloginMessage;
import io.tlscompat.core.tds.TdsMessages;
import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;
import io.tlscompat.simulator.Simulator;
import io.tlscompat.simulator.SimulatorProfiles;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ClientHello without the secure-renegotiation signal (no renegotiation_info extension, no
 * TLS_EMPTY_RENEGOTIATION_INFO_SCSV), as nmap's ssl-enum-ciphers and other old clients send it. Schannel answers
 * such hellos; the simulator must too, or nmap (the benchmark's reference scanner) finds nothing.
 */
class LegacyClientHelloIT {
    private static final int TLS12 = 0x0303;
    private static final int TLS10 = 0x0301;

    @Test
    void helloWithRenegotiationInfoGetsAServerHello() throws Exception {
        // The control: the same hello plus renegotiation_info is answered, so the hello itself is well formed.
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            assertThat(firstHandshakeType(sim.port(), hello(TLS12, true))).isEqualTo(SERVER_HELLO);
        }
    }

    @Test
    void helloWithoutRenegotiationInfoGetsAServerHelloLikeSchannel() throws Exception {
        try (Simulator sim = Simulator.start(SimulatorProfiles.named("sql2019-win2019"), 0)) {
            assertThat(firstHandshakeType(sim.port(), hello(TLS12, false))).isEqualTo(SERVER_HELLO);
            assertThat(firstHandshakeType(sim.port(), hello(TLS10, false))).isEqualTo(SERVER_HELLO);
        }
    }

    private static final int SERVER_HELLO = 2;

    /**
     * PRELOGIN, then the hello in a 0x12 packet; returns the handshake type of the first record that comes back
     * (2 = ServerHello), or -(alert description) for an alert, or -1000 when the connection ended.
     */
    static int firstHandshakeType(int port, byte[] hello) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            byte[] traceId = new byte[36];
            new SecureRandom().nextBytes(traceId);
            TdsMessages.write(s.getOutputStream(), TdsPacketType.PRELOGIN,
                    PreloginMessage.clientRequest(EncryptionLevel.ON, traceId).encode(),
                    TdsPacketType.DEFAULT_PACKET_LENGTH, 1);
            InputStream in = s.getInputStream();
            TdsMessages.read(in, TdsPacketType.TABULAR_RESULT, PreloginMessage.MAX_LENGTH);
            TdsMessages.write(s.getOutputStream(), TdsPacketType.PRELOGIN, hello, TdsPacketType.DEFAULT_PACKET_LENGTH,
                    2);
            TdsPacket p;
            try {
                p = TdsPacket.read(in);
            } catch (IOException e) {
                return -1000;
            }
            if (p == null || p.payload().length < 6) {
                return -1000;
            }
            byte[] r = p.payload();
            return r[0] == 0x15 ? -(r[6] & 0xFF) : r[5] & 0xFF;
        }
    }

    /** A minimal ClientHello: ECDHE_RSA and RSA AES suites, P-256, SHA-256 RSA signatures. */
    static byte[] hello(int version, boolean renegotiationInfo) {
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        writeBytes(ext, 0x00, 0x0a, 0x00, 0x04, 0x00, 0x02, 0x00, 0x17); // supported_groups: secp256r1
        writeBytes(ext, 0x00, 0x0b, 0x00, 0x02, 0x01, 0x00); // ec_point_formats: uncompressed
        if (version == TLS12) {
            writeBytes(ext, 0x00, 0x0d, 0x00, 0x04, 0x00, 0x02, 0x04, 0x01); // signature_algorithms: sha256/rsa
        }
        if (renegotiationInfo) {
            writeBytes(ext, 0xff, 0x01, 0x00, 0x01, 0x00); // renegotiation_info, empty
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeBytes(body, version >> 8, version & 0xff);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.write(random, 0, 32);
        writeBytes(body, 0x00); // no session id
        writeBytes(body, 0x00, 0x06, 0xc0, 0x13, 0xc0, 0x14, 0x00, 0x2f); // ECDHE_RSA AES128/256 CBC_SHA, RSA AES128
        writeBytes(body, 0x01, 0x00); // null compression
        writeBytes(body, ext.size() >> 8, ext.size() & 0xff);
        body.write(ext.toByteArray(), 0, ext.size());
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        int hsLength = body.size();
        int recLength = hsLength + 4;
        writeBytes(record, 0x16, 0x03, 0x01, recLength >> 8, recLength & 0xff, 0x01, 0x00, hsLength >> 8,
                hsLength & 0xff);
        record.write(body.toByteArray(), 0, body.size());
        return record.toByteArray();
    }

    private static void writeBytes(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }
}
