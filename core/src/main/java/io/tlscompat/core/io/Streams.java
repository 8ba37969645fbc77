package io.tlscompat.core.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Reading exact byte counts from a peer, shared by the TDS packet reader, the probe and the simulator. */
public final class Streams {
    private Streams() {
    }

    /**
     * Reads exactly {@code length} bytes or fails.
     *
     * @param what what is being read, for the message, e.g. "TLS record"
     * @throws EOFException when the peer closes first, naming {@code what} and how far it got
     */
    public static void readFully(InputStream in, byte[] buffer, int offset, int length, String what)
            throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(buffer, offset + done, length - done);
            if (n < 0) {
                throw new EOFException("connection closed in the middle of a " + what + " (" + done + " of "
                        + length + " bytes)");
            }
            done += n;
        }
    }
}
