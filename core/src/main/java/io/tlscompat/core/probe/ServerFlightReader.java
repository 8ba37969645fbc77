package io.tlscompat.core.probe;

import io.tlscompat.core.io.Streams;
import io.tlscompat.core.tds.TdsProtocolException;
import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import io.tlscompat.core.tls.TlsVersion;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the server's first flight after a {@link ClientHello} and stops as soon as it knows enough: after the
 * ServerHello for TLS 1.3 (or another version than offered), after ServerHelloDone for TLS 1.2 and older (having
 * seen Certificate and ServerKeyExchange). It never answers the server, so no handshake is ever completed.
 * Everything is bounded: record sizes, message sizes and the total bytes read.
 */
final class ServerFlightReader {
    /** The most the probe reads of one flight; a certificate chain of a few certificates is far below this. */
    static final int MAX_FLIGHT_BYTES = 256 * 1024;
    /** RFC 8446 5.2: a record is at most 2^14 + 256 bytes of ciphertext; 2^14 + 2048 covers TLS 1.2 and older. */
    private static final int MAX_RECORD_LENGTH = 16384 + 2048;
    private static final int MAX_CERTIFICATES = 16;

    private static final int CHANGE_CIPHER_SPEC = 20;
    private static final int ALERT = 21;
    private static final int HANDSHAKE = 22;
    private static final int APPLICATION_DATA = 23;

    private static final int SERVER_HELLO = 2;
    private static final int CERTIFICATE = 11;
    private static final int SERVER_KEY_EXCHANGE = 12;
    private static final int SERVER_HELLO_DONE = 14;

    private final TlsVersion offered;
    private final ByteArrayOutputStream handshakeBytes = new ByteArrayOutputStream();
    private int consumed;
    private int totalRead;
    /** Where the handshake message being assembled ends in {@link #handshakeBytes}, once its header was read. */
    private int pendingMessageEnd;
    /** True once one valid record header was read: a later parse error is malformed TLS, not another protocol. */
    private boolean sawTlsRecord;

    private ServerHello serverHello;
    private List<byte[]> certificates = new ArrayList<>();
    private Integer dheBits;
    private Integer namedGroup;

    private ServerFlightReader(TlsVersion offered) {
        this.offered = offered;
    }

    /**
     * Reads one flight.
     *
     * @param offered the version the ClientHello offered
     * @return the answer; a reset, close or silence before the ServerHello is a rejection or no answer, not an error
     * @throws TlsParseException when the bytes are not TLS (or are malformed) before a ServerHello was understood
     */
    static HelloResponse read(InputStream in, TlsVersion offered) throws TlsParseException, ProgressBudget.Exceeded {
        return new ServerFlightReader(offered).run(in);
    }

    private HelloResponse run(InputStream in) throws TlsParseException, ProgressBudget.Exceeded {
        try {
            while (true) {
                HelloResponse done = readRecord(in);
                if (done != null) {
                    return done;
                }
            }
        } catch (ProgressBudget.Exceeded e) {
            throw e;
        } catch (TlsParseException e) {
            if (serverHello != null && isOfferedVersion()) {
                return accepted(e.getMessage());
            }
            if (sawTlsRecord) {
                return HelloResponse.malformedTls(e.getMessage());
            }
            throw e;
        } catch (TdsProtocolException e) {
            // On the TDS 7.x path the records arrive inside TDS packets; a broken packet is as bad as a broken record.
            if (serverHello != null && isOfferedVersion()) {
                return accepted(e.getMessage());
            }
            throw new TlsParseException(e.getMessage());
        } catch (SocketTimeoutException e) {
            if (serverHello == null) {
                HelloResponse partial = partialMessage("then went silent");
                return partial != null ? partial : HelloResponse.noAnswer();
            }
            return finish();
        } catch (IOException e) {
            if (serverHello == null) {
                HelloResponse partial = partialMessage("then closed the connection");
                return partial != null ? partial : HelloResponse.rejected(Rejections.of(e));
            }
            return finish();
        }
    }

    /**
     * A handshake message whose length promises more than its records held is malformed, not a refusal: without
     * this, a server announcing a 1,000-byte ServerHello in a 50-byte record would look like one that said no.
     */
    private HelloResponse partialMessage(String then) {
        int buffered = handshakeBytes.size() - consumed;
        if (buffered <= 0) {
            return null;
        }
        byte[] buffer = handshakeBytes.toByteArray();
        String announced = buffered >= 4 ? String.valueOf(((buffer[consumed + 1] & 0xFF) << 16)
                | ((buffer[consumed + 2] & 0xFF) << 8) | (buffer[consumed + 3] & 0xFF)) : "a partial header of";
        return HelloResponse.malformedTls(String.format("TLS handshake message of type %d announces %s bytes but the"
                + " server sent only %d and %s", buffer[consumed] & 0xFF, announced, Math.max(0, buffered - 4), then));
    }

    /** @return the answer when the flight told enough, else null to read on */
    private HelloResponse readRecord(InputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("closed");
        }
        byte[] header = new byte[4];
        Streams.readFully(in, header, 0, header.length, "TLS record header");
        if ((type & 0x80) != 0) {
            throw new TlsParseException("the server answered with an SSLv2 record, not SSLv3/TLS");
        }
        int major = header[0] & 0xFF;
        int length = ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (type < CHANGE_CIPHER_SPEC || type > APPLICATION_DATA || major != 3) {
            throw new TlsParseException(String.format("not a TLS record (first bytes %02x%02x%02x)", type,
                    header[0] & 0xFF, header[1] & 0xFF));
        }
        if (length > MAX_RECORD_LENGTH) {
            throw new TlsParseException("TLS record of " + length + " bytes is larger than TLS allows");
        }
        sawTlsRecord = true;
        totalRead += 5 + length;
        if (totalRead > MAX_FLIGHT_BYTES) {
            throw new TlsParseException("the server sent more than " + MAX_FLIGHT_BYTES
                    + " bytes without finishing its hello");
        }
        if (length == 0 && type == HANDSHAKE) {
            throw new TlsParseException("empty TLS handshake record (RFC 8446 5.1 forbids zero-length handshake "
                    + "fragments)");
        }
        byte[] fragment = new byte[length];
        Streams.readFully(in, fragment, 0, fragment.length, "TLS record");
        if (type == ALERT) {
            if (length < 2) {
                throw new TlsParseException("TLS alert record of " + length + " bytes");
            }
            if (serverHello != null) {
                return finish();
            }
            return HelloResponse.rejected(HelloResponse.ALERT_PREFIX + TlsNames.alert(fragment[1] & 0xFF));
        }
        if (type != HANDSHAKE) {
            // ChangeCipherSpec or encrypted data: nothing more to read in plaintext.
            if (serverHello != null) {
                return finish();
            }
            throw new TlsParseException("the server sent a TLS record of type " + type + " before its ServerHello");
        }
        handshakeBytes.write(fragment, 0, fragment.length);
        return handleMessages();
    }

    private HelloResponse handleMessages() throws TlsParseException {
        if (pendingMessageEnd > handshakeBytes.size()) {
            return null; // copying the buffer per record would cost O(n^2) for a message split into tiny records
        }
        byte[] buffer = handshakeBytes.toByteArray();
        while (buffer.length - consumed >= 4) {
            int msgType = buffer[consumed] & 0xFF;
            int msgLength = ((buffer[consumed + 1] & 0xFF) << 16) | ((buffer[consumed + 2] & 0xFF) << 8)
                    | (buffer[consumed + 3] & 0xFF);
            if (msgLength > MAX_FLIGHT_BYTES) {
                throw new TlsParseException("TLS handshake message of " + msgLength + " bytes is too large");
            }
            if (buffer.length - consumed - 4 < msgLength) {
                pendingMessageEnd = consumed + 4 + msgLength;
                return null;
            }
            byte[] body = new byte[msgLength];
            System.arraycopy(buffer, consumed + 4, body, 0, msgLength);
            consumed += 4 + msgLength;
            HelloResponse done = handleMessage(msgType, body);
            if (done != null) {
                return done;
            }
        }
        return null;
    }

    private HelloResponse handleMessage(int msgType, byte[] body) throws TlsParseException {
        if (serverHello == null) {
            if (msgType != SERVER_HELLO) {
                throw new TlsParseException("the server sent handshake message " + msgType + " before its ServerHello");
            }
            serverHello = ServerHello.parse(body);
            if (!isOfferedVersion()) {
                return HelloResponse.otherVersion(TlsVersion.fromWireValue(serverHello.version()));
            }
            if (offered == TlsVersion.TLSv1_3) {
                namedGroup = serverHello.keyShareGroup();
                return accepted();
            }
            return null;
        }
        if (msgType == CERTIFICATE) {
            certificates = parseCertificates(body);
        } else if (msgType == SERVER_KEY_EXCHANGE) {
            parseServerKeyExchange(body);
        } else if (msgType == SERVER_HELLO_DONE) {
            return accepted();
        }
        return null;
    }

    private boolean isOfferedVersion() {
        return serverHello.version() == offered.wireValue();
    }

    private HelloResponse finish() {
        return isOfferedVersion() ? accepted()
                : HelloResponse.otherVersion(TlsVersion.fromWireValue(serverHello.version()));
    }

    private HelloResponse accepted() {
        return accepted(null);
    }

    /** @param flaw why the rest of the flight after an understood ServerHello could not be read, or null */
    private HelloResponse accepted(String flaw) {
        return HelloResponse.accepted(offered, serverHello.cipherSuite(), serverHello.alpn(), certificates, dheBits,
                namedGroup, flaw);
    }

    /** Certificate message of TLS 1.2 and older: a 24-bit list of 24-bit-length DER certificates. */
    static List<byte[]> parseCertificates(byte[] body) throws TlsParseException {
        Cursor c = new Cursor(body, "Certificate message");
        Cursor list = c.sub(c.u24(), "certificate list");
        List<byte[]> out = new ArrayList<>();
        while (list.remaining() > 0) {
            if (out.size() == MAX_CERTIFICATES) {
                throw new TlsParseException("the server sent more than " + MAX_CERTIFICATES + " certificates");
            }
            out.add(list.bytes(list.u24()));
        }
        return out;
    }

    /** Reads the DH prime's size or the ECDHE curve; other key exchanges carry nothing the probe needs. */
    private void parseServerKeyExchange(byte[] body) throws TlsParseException {
        CipherSuite suite = CipherSuites.byCode(serverHello.cipherSuite());
        String name = suite.name();
        Cursor c = new Cursor(body, "ServerKeyExchange");
        if (name.startsWith("TLS_DHE_") || name.startsWith("TLS_DH_anon_")) {
            byte[] p = c.bytes(c.u16());
            dheBits = new BigInteger(1, p).bitLength();
        } else if (name.startsWith("TLS_ECDHE_") || name.startsWith("TLS_ECDH_anon_")) {
            int curveType = c.u8();
            if (curveType == 3) {
                namedGroup = c.u16();
            }
        }
    }
}
