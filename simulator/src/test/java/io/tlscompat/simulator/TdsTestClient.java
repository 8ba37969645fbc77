package io.tlscompat.simulator;

import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.PreloginMessage;
import io.tlscompat.core.tds.TdsMessages;
import io.tlscompat.core.tds.TdsPacketType;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * A minimal TDS client for the tests: PRELOGIN, the JDK's own TLS (wrapped in TDS for TDS 7.x, or TLS first for
 * TDS 8), LOGIN7 and reading the server's ERROR token.
 */
final class TdsTestClient implements Closeable {
    private final Socket tcp;
    private SSLSocket tls;
    private TdsWrappingSocket wrapping;

    private TdsTestClient(Socket tcp) {
        this.tcp = tcp;
    }

    static TdsTestClient connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 3000);
        s.setSoTimeout(10_000);
        return new TdsTestClient(s);
    }

    /** Sends a PRELOGIN request and returns the server's answer. */
    PreloginMessage prelogin(EncryptionLevel level) throws IOException {
        return prelogin(level, tcp.getInputStream(), tcp.getOutputStream());
    }

    private static PreloginMessage prelogin(EncryptionLevel level, InputStream in, OutputStream out)
            throws IOException {
        TdsMessages.write(out, TdsPacketType.PRELOGIN,
                PreloginMessage.clientRequest(level, new byte[36]).encode(), 4096, 1);
        return PreloginMessage.decode(TdsMessages.read(in, TdsPacketType.TABULAR_RESULT, 4096));
    }

    /** TDS 7.x: the JDK TLS handshake inside PRELOGIN packets, then raw TLS. */
    SSLSocket startTls(SSLContext context, Consumer<SSLSocket> configure) throws IOException {
        wrapping = new TdsWrappingSocket(tcp);
        tls = (SSLSocket) context.getSocketFactory().createSocket(wrapping, "localhost", tcp.getPort(), true);
        configure.accept(tls);
        tls.startHandshake();
        wrapping.switchToRaw();
        return tls;
    }

    /** TDS 8: TLS first with ALPN tds/8.0, then PRELOGIN inside TLS. */
    SSLSocket startStrictTls(SSLContext context, Consumer<SSLSocket> configure) throws IOException {
        tls = (SSLSocket) context.getSocketFactory().createSocket(tcp, "localhost", tcp.getPort(), true);
        SSLParameters params = tls.getSSLParameters();
        params.setApplicationProtocols(new String[] {"tds/8.0"});
        tls.setSSLParameters(params);
        configure.accept(tls);
        tls.startHandshake();
        return tls;
    }

    /** PRELOGIN inside the TDS 8 TLS session. */
    PreloginMessage strictPrelogin() throws IOException {
        return prelogin(EncryptionLevel.NOT_SUP, tls.getInputStream(), tls.getOutputStream());
    }

    /** Sends LOGIN7 through TLS and reads the answer through TLS (ENCRYPT_ON). */
    String loginThroughTls(String user, String password) throws IOException {
        sendLogin7(tls.getOutputStream(), user, password);
        return readError(tls.getInputStream());
    }

    /** ENCRYPT_OFF: LOGIN7 through TLS, then TLS is dropped and the answer comes in plaintext. */
    String loginOnlyEncrypted(String user, String password) throws IOException {
        sendLogin7(tls.getOutputStream(), user, password);
        return readError(tcp.getInputStream());
    }

    /** ENCRYPT_NOT_SUP: everything in plaintext. */
    String loginPlain(String user, String password) throws IOException {
        sendLogin7(tcp.getOutputStream(), user, password);
        return readError(tcp.getInputStream());
    }

    OutputStream rawOutput() throws IOException {
        return tcp.getOutputStream();
    }

    InputStream rawInput() throws IOException {
        return tcp.getInputStream();
    }

    @Override
    public void close() throws IOException {
        tcp.close();
    }

    /** A LOGIN7 with the 94-byte TDS 7.4 fixed part and only user name and password filled in. */
    static byte[] login7(String user, String password) {
        byte[] u = user.getBytes(StandardCharsets.UTF_16LE);
        byte[] p = password.getBytes(StandardCharsets.UTF_16LE);
        for (int i = 0; i < p.length; i++) {
            // MS-TDS password obfuscation: swap nibbles, XOR 0xA5.
            int b = p[i] & 0xFF;
            p[i] = (byte) ((((b & 0x0F) << 4) | (b >>> 4)) ^ 0xA5);
        }
        int fixed = 94;
        int total = fixed + u.length + p.length;
        byte[] m = new byte[total];
        putInt(m, 0, total);
        putInt(m, 4, 0x74000004); // TDS 7.4
        putInt(m, 8, 4096);
        int varOffset = fixed;
        // Offsets/lengths from byte 36: HostName, UserName, Password, AppName, ServerName, Extension, CltIntName,
        // Language, Database (4 bytes each), ClientID (6), SSPI, AtchDBFile, ChangePassword (4 each), cbSSPILong.
        for (int field = 36; field < 36 + 9 * 4; field += 4) {
            putShort(m, field, varOffset);
        }
        putShort(m, 40, varOffset);
        putShort(m, 42, user.length());
        System.arraycopy(u, 0, m, varOffset, u.length);
        varOffset += u.length;
        putShort(m, 44, varOffset);
        putShort(m, 46, password.length());
        System.arraycopy(p, 0, m, varOffset, p.length);
        varOffset += p.length;
        for (int field = 48; field < 72; field += 4) {
            putShort(m, field, varOffset);
        }
        for (int field = 78; field < 90; field += 4) {
            putShort(m, field, varOffset);
        }
        return m;
    }

    private static void sendLogin7(OutputStream out, String user, String password) throws IOException {
        TdsMessages.write(out, TdsPacketType.LOGIN7, login7(user, password), 4096, 1);
    }

    /** Reads the answer to LOGIN7 and returns "number: message" of its ERROR token. */
    static String readError(InputStream in) throws IOException {
        byte[] r = TdsMessages.read(in, TdsPacketType.TABULAR_RESULT, 65536);
        if ((r[0] & 0xFF) != 0xAA) {
            throw new IOException(String.format("expected an ERROR token, got 0x%02x", r[0] & 0xFF));
        }
        int number = (r[3] & 0xFF) | (r[4] & 0xFF) << 8 | (r[5] & 0xFF) << 16 | (r[6] & 0xFF) << 24;
        int chars = (r[9] & 0xFF) | (r[10] & 0xFF) << 8;
        return number + ": " + new String(r, 11, chars * 2, StandardCharsets.UTF_16LE);
    }

    private static void putShort(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
    }

    private static void putInt(byte[] b, int at, int v) {
        putShort(b, at, v);
        putShort(b, at + 2, v >>> 16);
    }

    /** A client context that accepts any server certificate (trustServerCertificate=true). */
    static SSLContext trustAll() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return c;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.write(p, 0, p.length);
        }
        return o.toByteArray();
    }
}
