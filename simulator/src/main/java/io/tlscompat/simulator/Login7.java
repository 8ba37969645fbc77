package io.tlscompat.simulator;

import io.tlscompat.core.tds.TdsProtocolException;

import java.nio.charset.StandardCharsets;

/**
 * The one thing the simulator needs from a LOGIN7 message (MS-TDS 2.2.6.4): the user name. The password is never
 * decoded.
 */
final class Login7 {
    /** Offset of ibUserName in the fixed part: 6 DWORDs, 4 flag bytes, time zone and LCID, then ibHostName/cch. */
    private static final int USER_NAME_OFFSET_FIELD = 40;

    private Login7() {
    }

    /**
     * @throws TdsProtocolException when the message is too short or the user name points outside it
     */
    static String userName(byte[] login7) throws TdsProtocolException {
        if (login7.length < USER_NAME_OFFSET_FIELD + 4) {
            throw new TdsProtocolException("LOGIN7 of " + login7.length + " bytes is too short");
        }
        int offset = (login7[USER_NAME_OFFSET_FIELD] & 0xFF) | (login7[USER_NAME_OFFSET_FIELD + 1] & 0xFF) << 8;
        int chars = (login7[USER_NAME_OFFSET_FIELD + 2] & 0xFF) | (login7[USER_NAME_OFFSET_FIELD + 3] & 0xFF) << 8;
        if (offset + 2 * chars > login7.length) {
            throw new TdsProtocolException("LOGIN7 user name points outside the message");
        }
        return new String(login7, offset, 2 * chars, StandardCharsets.UTF_16LE);
    }
}
