package io.tlscompat.core.probe;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.PreloginMessage;
import io.tlscompat.core.tds.TdsMessages;
import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;
import io.tlscompat.core.tds.TdsProtocolException;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;

/**
 * Sends a PRELOGIN asking for encryption and reads the reply. A close or reset (what a "force strict" server does,
 * and what a plain TLS server does after a TLS alert) is a refusal; anything else that is not a PRELOGIN reply means
 * the peer is not SQL Server.
 */
final class PreloginExchange {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PreloginMessage reply;
    private final String refusal;
    private final InputStream in;

    private PreloginExchange(PreloginMessage reply, String refusal, InputStream in) {
        this.reply = reply;
        this.refusal = refusal;
        this.in = in;
    }

    /** The server's PRELOGIN reply, or null when it refused. */
    PreloginMessage reply() {
        return reply;
    }

    /** "reset", "close" or "alert:name" when the server refused the PRELOGIN, else null. */
    String refusal() {
        return refusal;
    }

    /** The socket's input, buffered; the TLS handshake continues on it. */
    InputStream in() {
        return in;
    }

    /**
     * @param in the socket's input (see {@link Connector#input})
     * @throws ProbeException NOT_TDS when the answer is not a PRELOGIN reply, TIMEOUT when there is no answer
     */
    static PreloginExchange run(Socket socket, InputStream in, String target, int readTimeoutMillis)
            throws ProbeException {
        try {
            byte[] traceId = new byte[36];
            RANDOM.nextBytes(traceId);
            byte[] body = PreloginMessage.clientRequest(EncryptionLevel.ON, traceId).encode();
            TdsMessages.write(socket.getOutputStream(), TdsPacketType.PRELOGIN, body,
                    TdsPacketType.DEFAULT_PACKET_LENGTH, 1);
        } catch (IOException e) {
            return new PreloginExchange(null, Rejections.of(e), null);
        }
        try {
            return new PreloginExchange(readReply(in, target), null, in);
        } catch (Refused r) {
            return new PreloginExchange(null, r.rejection, in);
        } catch (ProgressBudget.Exceeded e) {
            throw e.toProbeException(target);
        } catch (DeadlineInputStream.DeadlinePassed e) {
            throw new ProbeException(ProbeException.Reason.TIMEOUT,
                    String.format(ProbeMessages.DEADLINE, target, e.budgetMillis), e);
        } catch (SocketTimeoutException e) {
            throw new ProbeException(ProbeException.Reason.TIMEOUT,
                    String.format(ProbeMessages.SILENT, target, readTimeoutMillis), e);
        } catch (TdsProtocolException e) {
            throw notTds(target, e.getMessage(), e);
        } catch (EOFException e) {
            throw notTds(target, "the PRELOGIN reply is truncated (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            if (HelloResponse.RESET.equals(Rejections.of(e))) {
                return new PreloginExchange(null, HelloResponse.RESET, in);
            }
            throw notTds(target, e.getMessage(), e);
        }
    }

    private static PreloginMessage readReply(InputStream in, String target) throws IOException, ProbeException {
        int first = in.read();
        if (first < 0) {
            throw new Refused(HelloResponse.CLOSE);
        }
        byte[] header = new byte[TdsPacketType.HEADER_LENGTH];
        header[0] = (byte) first;
        int got = 1;
        while (got < header.length) {
            int n = in.read(header, got, header.length - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        // A TLS server reading our PRELOGIN as a broken record answers with an alert record (15 03 0x ...).
        if (first == 0x15 && got >= 7 && header[1] == 0x03) {
            throw new Refused(HelloResponse.ALERT_PREFIX + TlsNames.alert(header[6] & 0xFF));
        }
        if (first != TdsPacketType.TABULAR_RESULT) {
            throw notTds(target, "it answered PRELOGIN with " + describe(header, got), null);
        }
        if (got < header.length) {
            throw notTds(target, "the PRELOGIN reply is truncated (" + got + " bytes of a TDS header)", null);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ProgressBudget budget = new ProgressBudget("in its PRELOGIN reply");
        TdsPacket packet = TdsPacket.readAfterHeader(in, header);
        while (true) {
            budget.count(packet);
            if (packet.type() != TdsPacketType.TABULAR_RESULT) {
                throw notTds(target, String.format("the PRELOGIN reply continues with a TDS packet of type 0x%02x",
                        packet.type()), null);
            }
            if (body.size() + packet.payload().length > PreloginMessage.MAX_LENGTH) {
                throw notTds(target, "the PRELOGIN reply is longer than " + PreloginMessage.MAX_LENGTH + " bytes",
                        null);
            }
            body.write(packet.payload());
            if (packet.isEndOfMessage()) {
                break;
            }
            packet = TdsPacket.read(in);
            if (packet == null) {
                throw new EOFException("connection closed in the middle of the PRELOGIN reply");
            }
        }
        PreloginMessage reply = PreloginMessage.decode(body.toByteArray());
        if (reply.option(PreloginMessage.ENCRYPTION) == null || reply.encryption() == null) {
            throw notTds(target, "the PRELOGIN reply has no valid ENCRYPTION option", null);
        }
        return reply;
    }

    /** What the first bytes look like, for the user: printable text is quoted ("HTTP/1.1 400"), else hex. */
    static String describe(byte[] bytes, int length) {
        StringBuilder text = new StringBuilder();
        boolean printable = true;
        for (int i = 0; i < length; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 || b > 0x7E) {
                printable = false;
                break;
            }
            text.append((char) b);
        }
        if (printable && length > 0) {
            return "text '" + text + "…' (another protocol)";
        }
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            hex.append(String.format("%02x", bytes[i] & 0xFF));
        }
        return "bytes " + hex + " (not a TDS packet of type 0x04)";
    }

    private static ProbeException notTds(String target, String detail, Throwable cause) {
        return new ProbeException(ProbeException.Reason.NOT_TDS, String.format(ProbeMessages.NOT_TDS, target, detail),
                cause);
    }

    /** The server refused the PRELOGIN by closing, resetting or a TLS alert. */
    private static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final String rejection;

        Refused(String rejection) {
            super(rejection);
            this.rejection = rejection;
        }
    }
}
