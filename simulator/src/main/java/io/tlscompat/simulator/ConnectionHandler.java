package io.tlscompat.simulator;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.PreloginMessage;
import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;
import io.tlscompat.core.tds.TdsProtocolException;
import io.tlscompat.core.tls.TlsVersion;

import org.bouncycastle.tls.TlsFatalAlertReceived;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;

/**
 * Serves one client connection the way the profile's SQL Server would: PRELOGIN (or TLS first for TDS 8), the
 * TLS handshake, then LOGIN7 answered with "Login failed". Every failure ends the connection the way the profile
 * says (reset, alert or close).
 */
final class ConnectionHandler implements Runnable {
    /** A LOGIN7 is a few hundred bytes; a megabyte is certainly not SQL Server traffic. */
    private static final int MAX_LOGIN7 = 1 << 20;

    private final Simulator simulator;
    private final SimulatorProfile profile;
    private final Socket socket;
    private final int id;
    private volatile boolean firstMessageRead;

    ConnectionHandler(Simulator simulator, Socket socket, int id) {
        this.simulator = simulator;
        this.profile = simulator.profile();
        this.socket = socket;
        this.id = id;
    }

    @Override
    public void run() {
        ClientWire wire = null;
        simulator.watchFirstMessage(this, socket, id);
        try {
            // The first message gets the short budget; after it, the usual read timeout.
            socket.setSoTimeout(Simulator.FIRST_MESSAGE_MILLIS);
            socket.setTcpNoDelay(true);
            wire = new ClientWire(socket);
            serve(wire);
        } catch (IOException e) {
            log("ended: " + e.getMessage());
        } catch (RuntimeException e) {
            log("internal error: " + e);
        } finally {
            // Every path that wanted a reset or a graceful close has done it; this catches the rest.
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            simulator.connectionEnded(socket);
        }
    }

    /** Whether the client's first message (PRELOGIN, or the start of TLS or LOGIN7) has arrived. */
    boolean firstMessageRead() {
        return firstMessageRead;
    }

    private void firstMessageDone() throws IOException {
        firstMessageRead = true;
        socket.setSoTimeout(Simulator.READ_TIMEOUT_MILLIS);
    }

    private void serve(ClientWire wire) throws IOException {
        int first = wire.peek();
        if (first < 0) {
            log("closed by client before sending anything");
            return;
        }
        if (first == TdsPacketType.PRELOGIN) {
            serveTds7(wire);
        } else if (first == ClientWire.TLS_HANDSHAKE) {
            firstMessageDone();
            serveTds8(wire);
        } else if (first == TdsPacketType.LOGIN7) {
            firstMessageDone();
            serveLoginWithoutPrelogin(wire);
        } else {
            log(String.format("first byte 0x%02x is neither a PRELOGIN nor a TLS handshake; closing", first));
            wire.closeGracefully();
        }
    }

    private void serveTds7(ClientWire wire) throws IOException {
        PreloginMessage request = PreloginMessage.decode(wire.readTdsMessage(TdsPacketType.PRELOGIN,
                PreloginMessage.MAX_LENGTH));
        firstMessageDone();
        if (profile.forceStrict()) {
            // "configured to accept only strict (TDS 8.0 and above) connections. The connection has been closed."
            log("plain PRELOGIN on a force-strict server: reset");
            wire.reset();
            return;
        }
        EncryptionLevel client = request.encryption();
        EncryptionLevel answer = EncryptionNegotiation.respond(client, profile.encryption());
        wire.writeTds(TdsPacketType.TABULAR_RESULT,
                PreloginMessage.serverResponse(profile.productVersion(), answer).encode());
        log("PRELOGIN encryption " + client + " -> " + answer);
        if (EncryptionNegotiation.terminates(client, profile.encryption())) {
            wire.closeGracefully();
            return;
        }
        if (answer == EncryptionLevel.NOT_SUP) {
            answerLogin(wire, wire.input(), wire.input(), plainOutput(wire), null);
            return;
        }
        if (profile.isRelay()) {
            new Relay(profile, wire, this::log).run();
            return;
        }
        TlsSession tls = handshake(wire, false);
        if (tls == null) {
            return;
        }
        InputStream tlsIn = tls.applicationInput();
        if (answer == EncryptionLevel.OFF) {
            // Login-only encryption: the first LOGIN7 packet comes through TLS, then the client drops TLS.
            answerLogin(wire, tlsIn, wire.input(), plainOutput(wire), null);
        } else {
            answerLogin(wire, tlsIn, tlsIn, tls.applicationOutput(), tls);
        }
    }

    /**
     * A LOGIN7 without PRELOGIN (jTDS with ssl=off, TDS 7.0-era clients): no TLS was negotiated, so the login is in
     * plaintext. A server that forces encryption (or strict) cannot accept it and drops the connection.
     */
    private void serveLoginWithoutPrelogin(ClientWire wire) throws IOException {
        if (profile.forceStrict()) {
            log("LOGIN7 without PRELOGIN on a force-strict server: reset");
            wire.reset();
            return;
        }
        if (profile.encryption() == EncryptionLevel.ON || profile.encryption() == EncryptionLevel.REQ) {
            log("LOGIN7 without PRELOGIN on a server that forces encryption: closing");
            wire.closeGracefully();
            return;
        }
        log("LOGIN7 without PRELOGIN: plaintext login");
        answerLogin(wire, wire.input(), wire.input(), plainOutput(wire), null);
    }

    private void serveTds8(ClientWire wire) throws IOException {
        if (!profile.strict()) {
            // A TDS 7.x server reads the ClientHello as a bad TDS packet and drops the connection.
            log("TLS ClientHello on a server without TDS 8: closing");
            wire.closeGracefully();
            return;
        }
        if (profile.isRelay()) {
            new Relay(profile, wire, this::log).runRaw();
            return;
        }
        TlsSession tls = handshake(wire, true);
        if (tls == null) {
            return;
        }
        InputStream in = tls.applicationInput();
        OutputStream out = tls.applicationOutput();
        TdsPacket prelogin = TdsPacket.read(in);
        if (prelogin == null || prelogin.type() != TdsPacketType.PRELOGIN) {
            log("no PRELOGIN after the TDS 8 handshake; closing");
            wire.closeGracefully();
            return;
        }
        PreloginMessage request = PreloginMessage.decode(prelogin.payload());
        EncryptionLevel client = request.encryption();
        // Already inside TLS: a NOT_SUP request (what mssql-jdbc sends in strict mode) gets NOT_SUP back.
        EncryptionLevel answer = client == EncryptionLevel.NOT_SUP ? EncryptionLevel.NOT_SUP
                : EncryptionNegotiation.respond(client, profile.encryption());
        writeMessage(out, TdsPacketType.TABULAR_RESULT,
                PreloginMessage.serverResponse(profile.productVersion(), answer).encode());
        log("TDS 8 PRELOGIN encryption " + client + " -> " + answer);
        answerLogin(wire, in, in, out, tls);
    }

    /** Runs the handshake; on failure rejects the client as the profile says and returns null. */
    private TlsSession handshake(ClientWire wire, boolean strictPath) throws IOException {
        SimulatorTlsServer server = new SimulatorTlsServer(simulator.crypto(), profile, simulator.serverCertificate(),
                strictPath, simulator::handshakeCompleted);
        TlsSession tls = new TlsSession(wire, server);
        boolean wrapped = !strictPath;
        int wrongBefore = simulator.crypto().wrongSecrets();
        List<TlsVersion> versions = strictPath ? profile.strictProtocols() : profile.protocols();
        try {
            tls.handshake(wrapped, unit -> !profile.ignoresSupportedVersions() ? null
                    : LegacyVersionSelection.refusedServerHello(ClientHelloInfo.parse(unit), versions,
                            profile.cipherSuites()));
        } catch (TlsSession.AnsweredOutsideBouncyCastle e) {
            log("client does not accept the version Schannel would pick; sent that ServerHello anyway");
            wire.closeGracefully();
            return null;
        } catch (TlsSession.HandshakeFailure f) {
            if (f.getCause() instanceof TlsFatalAlertReceived) {
                log("client aborted the handshake with alert: " + f.getMessage());
                wire.closeQuietly();
                return null;
            }
            boolean dheBug = simulator.crypto().wrongSecrets() != wrongBefore;
            reject(wire, tls, f, wrapped, dheBug, server.refusedWeakCertificate());
            return null;
        }
        log("handshake done: " + server.negotiated());
        return tls;
    }

    private void reject(ClientWire wire, TlsSession tls, TlsSession.HandshakeFailure f, boolean wrapped,
            boolean dheBug, boolean weakCert) throws IOException {
        Rejection how = profile.rejection();
        if (dheBug && how == Rejection.ALERT) {
            // Unpatched Schannel never gets as far as an alert here: it drops the connection.
            how = Rejection.RESET;
        }
        String why = dheBug ? "DHE leading-zero bug: wrong master secret, client Finished did not verify"
                : weakCert ? "weakly-signed certificate refused for TLS 1.2" : f.getMessage();
        log("handshake rejected (" + why + "): " + how.name().toLowerCase(java.util.Locale.ROOT));
        switch (how) {
            case ALERT:
                tls.sendAlert(f.pendingAlert(), wrapped);
                wire.closeGracefully();
                break;
            case CLOSE:
                wire.closeGracefully();
                break;
            default:
                wire.reset();
        }
    }

    /**
     * Reads LOGIN7 (first packet from {@code first}, any further packets from {@code rest}) and answers
     * "Login failed for user" on {@code out}, then closes like SQL Server does.
     */
    private void answerLogin(ClientWire wire, InputStream first, InputStream rest, OutputStream out, TlsSession tls)
            throws IOException {
        byte[] login7 = readLogin7(first, rest);
        String user = Login7.userName(login7);
        // Counted before the answer goes out, so a client that has read it sees the count.
        simulator.loginAnswered();
        writeMessage(out, TdsPacketType.TABULAR_RESULT, LoginFailedResponse.forUser(user));
        log("LOGIN7 for user '" + user + "' answered with error 18456");
        if (tls != null) {
            try {
                tls.close();
            } catch (IOException e) {
                // The client may already be gone; the login answer was sent.
            }
        }
        wire.closeGracefully();
    }

    private static byte[] readLogin7(InputStream first, InputStream rest) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        TdsPacket p = TdsPacket.read(first);
        while (true) {
            if (p == null) {
                throw new EOFException("client closed the connection before sending LOGIN7");
            }
            if (p.type() != TdsPacketType.LOGIN7) {
                throw new TdsProtocolException(String.format("expected LOGIN7 (0x10), got TDS packet type 0x%02x",
                        p.type()));
            }
            if (message.size() + p.payload().length > MAX_LOGIN7) {
                throw new TdsProtocolException("LOGIN7 larger than " + MAX_LOGIN7 + " bytes");
            }
            message.write(p.payload());
            if (p.isEndOfMessage()) {
                return message.toByteArray();
            }
            p = TdsPacket.read(rest);
        }
    }

    private static void writeMessage(OutputStream out, int type, byte[] message) throws IOException {
        // One packet id sequence per message is enough: clients do not check ids across messages.
        io.tlscompat.core.tds.TdsMessages.write(out, type, message, TdsPacketType.DEFAULT_PACKET_LENGTH, 1);
    }

    private static OutputStream plainOutput(ClientWire wire) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                wire.writeRaw(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                wire.flush();
            }
        };
    }

    private void log(String message) {
        simulator.log("#" + id + " " + message);
    }
}
