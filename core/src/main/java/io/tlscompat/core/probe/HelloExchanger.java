package io.tlscompat.core.probe;

import java.io.IOException;
import java.net.Socket;

/**
 * Sends one {@link ClientHello} on a fresh connection of one path and reads the answer. On the TDS 7.x path it first
 * does the PRELOGIN exchange, as every TDS client must.
 */
final class HelloExchanger {
    private final Connector connector;
    private final ProbePath path;
    private final int readTimeoutMillis;

    HelloExchanger(Connector connector, ProbePath path, int readTimeoutMillis) {
        this.connector = connector;
        this.path = path;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    ProbePath path() {
        return path;
    }

    Connector connector() {
        return connector;
    }

    /**
     * @return the answer; bytes that are not TLS give a {@link HelloResponse.Kind#NOT_TLS} answer
     * @throws ProbeException when the target cannot be reached, is not TDS, or the deadline passed
     */
    HelloResponse exchange(ClientHello hello) throws ProbeException {
        Socket socket = connector.open();
        try {
            HandshakeChannel channel;
            if (path == ProbePath.TDS8) {
                channel = HandshakeChannel.raw(socket, connector.input(socket));
            } else {
                PreloginExchange prelogin = PreloginExchange.run(socket, connector.input(socket), connector.target(),
                        readTimeoutMillis);
                if (prelogin.reply() == null) {
                    return HelloResponse.rejected(prelogin.refusal());
                }
                channel = HandshakeChannel.tdsWrapped(socket, prelogin.in());
            }
            try {
                channel.send(hello.toRecord());
            } catch (IOException e) {
                return HelloResponse.rejected(Rejections.of(e));
            }
            return ServerFlightReader.read(channel.in(), hello.version());
        } catch (ProgressBudget.Exceeded e) {
            throw e.toProbeException(connector.target());
        } catch (TlsParseException e) {
            return HelloResponse.notTls(e.getMessage());
        } catch (IOException e) {
            return HelloResponse.rejected(Rejections.of(e));
        } finally {
            Connector.closeQuietly(socket);
        }
    }

    /** A channel ready for TLS bytes on a connected socket, or null when the server refused the PRELOGIN. */
    HandshakeChannel openChannel(Socket socket) throws IOException, ProbeException {
        if (path == ProbePath.TDS8) {
            return HandshakeChannel.raw(socket, connector.input(socket));
        }
        PreloginExchange prelogin = PreloginExchange.run(socket, connector.input(socket), connector.target(),
                readTimeoutMillis);
        if (prelogin.reply() == null) {
            return null;
        }
        return HandshakeChannel.tdsWrapped(socket, prelogin.in());
    }
}
