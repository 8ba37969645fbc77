package io.tlscompat.simulator;

import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;
import io.tlscompat.core.tds.TdsProtocolException;

import org.bouncycastle.tls.TlsServerProtocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;

/**
 * One TLS server session on Bouncy Castle's non-blocking {@link TlsServerProtocol}: the simulator feeds it bytes
 * and takes its output, so it decides per flight whether records travel inside TDS PRELOGIN packets (TDS 7.x
 * handshake) or raw on TCP (after the handshake, and TDS 8 throughout).
 */
final class TlsSession {
    private final ClientWire wire;
    private final TlsServerProtocol protocol = new TlsServerProtocol();
    private final SimulatorTlsServer server;

    TlsSession(ClientWire wire, SimulatorTlsServer server) {
        this.wire = wire;
        this.server = server;
    }

    /**
     * Runs the handshake to completion.
     *
     * @param wrapped true when the server's flights go back in TDS 0x12 packets (TDS 7.x)
     * @param firstUnitCheck sees the first client unit (the ClientHello); a non-null result is sent instead of
     *        letting Bouncy Castle answer, and the handshake ends with {@link AnsweredOutsideBouncyCastle}
     * @throws HandshakeFailure when TLS fails; it carries the alert BC has ready to send
     * @throws IOException when the client disconnects or sends something that is neither TDS nor TLS
     */
    void handshake(boolean wrapped, Function<byte[], byte[]> firstUnitCheck) throws IOException {
        protocol.accept(server);
        boolean first = true;
        while (protocol.isHandshaking()) {
            byte[] unit = readUnit();
            if (first) {
                first = false;
                byte[] answer = firstUnitCheck.apply(unit);
                if (answer != null) {
                    send(answer, wrapped);
                    throw new AnsweredOutsideBouncyCastle();
                }
            }
            try {
                protocol.offerInput(unit);
            } catch (IOException e) {
                throw new HandshakeFailure(e, drainOutput());
            }
            byte[] flight = drainOutput();
            if (flight.length > 0) {
                send(flight, wrapped);
            }
        }
    }

    /** Sends the alert of a failed handshake the way the flights went. */
    void sendAlert(byte[] alert, boolean wrapped) throws IOException {
        if (alert.length > 0) {
            send(alert, wrapped);
        }
    }

    private void send(byte[] bytes, boolean wrapped) throws IOException {
        if (wrapped) {
            wire.writeTds(TdsPacketType.PRELOGIN, bytes);
        } else {
            wire.writeRaw(bytes, 0, bytes.length);
            wire.flush();
        }
    }

    /** The payload of the next TDS PRELOGIN packet, or the next raw TLS record, whichever comes. */
    private byte[] readUnit() throws IOException {
        int first = wire.peek();
        if (first < 0) {
            throw new EOFException("client closed the connection during the TLS handshake");
        }
        if (first == TdsPacketType.PRELOGIN) {
            TdsPacket p = wire.readTdsPacket();
            return p.payload();
        }
        if (ClientWire.isTlsRecordType(first)) {
            return wire.readTlsRecord();
        }
        throw new TdsProtocolException(String.format(
                "client sent a unit starting with 0x%02x during the TLS handshake (expected 0x12 or a TLS record)",
                first));
    }

    private byte[] drainOutput() {
        int n = protocol.getAvailableOutputBytes();
        byte[] b = new byte[n];
        if (n > 0) {
            protocol.readOutput(b, 0, n);
        }
        return b;
    }

    /** Application data from the client: raw TLS records read one at a time, never past the one needed. */
    InputStream applicationInput() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (len == 0) {
                    return 0;
                }
                while (protocol.getAvailableInputBytes() == 0) {
                    if (protocol.isClosed()) {
                        return -1;
                    }
                    int first = wire.peek();
                    if (first < 0) {
                        return -1;
                    }
                    byte[] record = first == TdsPacketType.PRELOGIN ? wire.readTdsPacket().payload()
                            : wire.readTlsRecord();
                    protocol.offerInput(record);
                    flushPending();
                }
                return protocol.readInput(b, off, Math.min(len, protocol.getAvailableInputBytes()));
            }
        };
    }

    /** Application data to the client, as raw TLS records. */
    OutputStream applicationOutput() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                protocol.writeApplicationData(b, off, len);
                flushPending();
            }
        };
    }

    /** Sends close_notify. */
    void close() throws IOException {
        protocol.close();
        flushPending();
    }

    private void flushPending() throws IOException {
        byte[] out = drainOutput();
        if (out.length > 0) {
            wire.writeRaw(out, 0, out.length);
            wire.flush();
        }
    }

    /** A failed handshake, with the alert record(s) BC produced (possibly none). */
    static final class HandshakeFailure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient byte[] pendingAlert;

        HandshakeFailure(IOException cause, byte[] pendingAlert) {
            super(cause.getMessage(), cause);
            this.pendingAlert = pendingAlert;
        }

        byte[] pendingAlert() {
            return pendingAlert;
        }
    }

    /** The simulator answered the ClientHello itself (a ServerHello the client is expected to refuse). */
    static final class AnsweredOutsideBouncyCastle extends IOException {
        private static final long serialVersionUID = 1L;

        AnsweredOutsideBouncyCastle() {
            super("ServerHello with a version the client does not accept was sent");
        }
    }
}
