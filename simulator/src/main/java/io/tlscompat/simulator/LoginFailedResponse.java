package io.tlscompat.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The server's answer to a LOGIN7: an ERROR token and a DONE token, no LOGINACK, which drivers report as a login
 * failure ("Login failed for user 'sa'."). That failure is the simulator's proof that the TLS handshake succeeded.
 *
 * <p>Layout (MS-TDS 2.2.7.10 ERROR, 2.2.7.6 DONE; as mssql-jdbc SQLServerError.setContentsFromTDS reads it):
 * 0xAA, USHORT length, LONG number, BYTE state, BYTE class, US_VARCHAR message, B_VARCHAR server name,
 * B_VARCHAR procedure name, LONG line number; then 0xFD, USHORT status, USHORT current command, ULONGLONG row
 * count. All integers little-endian, all text UTF-16LE.
 */
final class LoginFailedResponse {
    /** SQL Server's message text for error 18456. */
    static final String MESSAGE = "Login failed for user '%s'.";
    static final int ERROR_NUMBER = 18456;
    static final int STATE = 1;
    static final int SEVERITY_CLASS = 14;
    static final String SERVER_NAME = "TLS-COMPAT-SIM";

    private static final int TOKEN_ERROR = 0xAA;
    private static final int TOKEN_DONE = 0xFD;
    private static final int DONE_ERROR = 0x0002;

    private LoginFailedResponse() {
    }

    /** The token stream for a failed login of {@code userName}. */
    static byte[] forUser(String userName) {
        byte[] text = String.format(MESSAGE, userName).getBytes(StandardCharsets.UTF_16LE);
        byte[] server = SERVER_NAME.getBytes(StandardCharsets.UTF_16LE);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeInt(body, ERROR_NUMBER);
        body.write(STATE);
        body.write(SEVERITY_CLASS);
        writeShort(body, text.length / 2);
        body.write(text, 0, text.length);
        body.write(server.length / 2);
        body.write(server, 0, server.length);
        body.write(0); // no procedure name
        writeInt(body, 1); // line number

        ByteArrayOutputStream tokens = new ByteArrayOutputStream();
        tokens.write(TOKEN_ERROR);
        writeShort(tokens, body.size());
        byte[] b = body.toByteArray();
        tokens.write(b, 0, b.length);
        tokens.write(TOKEN_DONE);
        writeShort(tokens, DONE_ERROR);
        writeShort(tokens, 0);
        for (int i = 0; i < 8; i++) {
            tokens.write(0);
        }
        return tokens.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream o, int v) {
        o.write(v);
        o.write(v >>> 8);
    }

    private static void writeInt(ByteArrayOutputStream o, int v) {
        writeShort(o, v);
        writeShort(o, v >>> 16);
    }
}
