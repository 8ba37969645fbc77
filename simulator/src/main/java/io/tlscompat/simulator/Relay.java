package io.tlscompat.simulator;

import io.tlscompat.core.tds.TdsPacketType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * Relay mode: after the simulator has answered PRELOGIN, the TLS handshake is done by an external TLS server
 * (e.g. {@code openssl s_server}). Client records arrive in TDS 0x12 packets and go to the backend raw; backend
 * records go back in 0x12 packets until the backend's Finished (the record after its ChangeCipherSpec), then raw.
 *
 * <p>Limit: that end-of-handshake rule is TLS 1.0-1.2's; a TLS 1.3 backend over TDS 7.x framing is not supported
 * (SQL Server does not offer TLS 1.3 there either). On the TDS 8 path (TLS first) the relay is a plain byte pipe,
 * so everything after the handshake (PRELOGIN inside TLS) is the backend's business.
 */
final class Relay {
    private final SimulatorProfile profile;
    private final ClientWire wire;
    private final Consumer<String> log;

    Relay(SimulatorProfile profile, ClientWire wire, Consumer<String> log) {
        this.profile = profile;
        this.wire = wire;
        this.log = log;
    }

    /** TDS 7.x: after PRELOGIN, unwrap and wrap TDS packets until the handshake is over. */
    void run() throws IOException {
        relay(false);
    }

    /** TDS 8: the client starts with TLS, so bytes pass both ways untouched. */
    void runRaw() throws IOException {
        relay(true);
    }

    private void relay(boolean raw) throws IOException {
        Socket backend = new Socket();
        try {
            backend.connect(new InetSocketAddress(profile.relayHost(), profile.relayPort()),
                    Simulator.CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            log.accept("relay backend " + profile.relayHost() + ":" + profile.relayPort() + " unreachable ("
                    + e.getMessage() + "); resetting the client");
            backend.close();
            wire.reset();
            return;
        }
        backend.setSoTimeout(Simulator.READ_TIMEOUT_MILLIS);
        backend.setTcpNoDelay(true);
        Thread back = new Thread(() -> {
            if (raw) {
                pipeRaw(backend);
            } else {
                pumpBackendToClient(backend);
            }
        }, "tls-compat-relay-back");
        back.setDaemon(true);
        back.start();
        try {
            pumpClientToBackend(backend.getOutputStream());
        } finally {
            // Tell the backend the client has gone before waiting for it: openssl s_server serves one connection
            // at a time and would otherwise sit in its handshake until our read timeout.
            try {
                backend.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
            try {
                back.join(Simulator.READ_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            backend.close();
            wire.closeQuietly();
        }
    }

    /** Client units (TDS-wrapped or raw) go to the backend as raw TLS. */
    private void pumpClientToBackend(OutputStream backendOut) {
        try {
            while (true) {
                int first = wire.peek();
                if (first < 0) {
                    break;
                }
                byte[] bytes;
                if (first == TdsPacketType.PRELOGIN) {
                    bytes = wire.readTdsPacket().payload();
                } else if (ClientWire.isTlsRecordType(first)) {
                    bytes = wire.readTlsRecord();
                } else {
                    log.accept(String.format("relay: client sent 0x%02x (plain TDS); the backend speaks only TLS",
                            first));
                    break;
                }
                backendOut.write(bytes);
                backendOut.flush();
            }
        } catch (IOException e) {
            log.accept("relay: client side ended: " + e.getMessage());
        }
    }

    /** Backend bytes go to the client unchanged. */
    private void pipeRaw(Socket backend) {
        try {
            InputStream in = backend.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                wire.writeRaw(buffer, 0, n);
                wire.flush();
            }
            wire.socket().shutdownOutput();
        } catch (IOException e) {
            log.accept("relay: backend side ended: " + e.getMessage());
            wire.closeQuietly();
        }
    }

    /** Backend records go to the client, in 0x12 packets until the handshake is over. */
    private void pumpBackendToClient(Socket backend) {
        boolean handshakeDone = false;
        boolean sawChangeCipherSpec = false;
        try {
            InputStream in = backend.getInputStream();
            while (true) {
                byte[] record = ClientWire.readTlsRecordOrNull(in);
                if (record == null) {
                    break;
                }
                int type = record[0] & 0xFF;
                if (handshakeDone) {
                    wire.writeRaw(record, 0, record.length);
                    wire.flush();
                    continue;
                }
                if (type == ClientWire.TLS_ALERT && profile.relayResetOnBackendFailure()) {
                    log.accept("relay: backend alert during the handshake; resetting the client like Schannel");
                    wire.reset();
                    return;
                }
                wire.writeTds(TdsPacketType.PRELOGIN, record);
                if (sawChangeCipherSpec) {
                    handshakeDone = true;
                    log.accept("relay: handshake done, switching to raw TLS");
                }
                sawChangeCipherSpec |= type == ClientWire.TLS_CHANGE_CIPHER_SPEC;
            }
            if (!handshakeDone && profile.relayResetOnBackendFailure()) {
                log.accept("relay: backend closed during the handshake; resetting the client like Schannel");
                wire.reset();
            } else {
                wire.socket().shutdownOutput();
            }
        } catch (IOException e) {
            log.accept("relay: backend side ended: " + e.getMessage());
            wire.closeQuietly();
        }
    }
}
