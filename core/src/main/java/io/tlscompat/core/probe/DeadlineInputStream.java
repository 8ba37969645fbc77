package io.tlscompat.core.probe;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input whose every read times out at the read timeout or at the probe's deadline, whichever is nearer.
 * A plain socket timeout restarts with each byte, so a server trickling one byte a second could otherwise outlast
 * any deadline.
 */
final class DeadlineInputStream extends FilterInputStream {
    private final Socket socket;
    private final Deadline deadline;
    private final int readTimeoutMillis;

    DeadlineInputStream(Socket socket, Deadline deadline, int readTimeoutMillis) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
        this.deadline = deadline;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @Override
    public int read() throws IOException {
        arm();
        try {
            return super.read();
        } catch (SocketTimeoutException e) {
            throw blame(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        arm();
        try {
            return super.read(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            throw blame(e);
        }
    }

    /** A timeout cut short by the deadline is the deadline's, so the user is told about the deadline. */
    private SocketTimeoutException blame(SocketTimeoutException e) {
        return deadline.remainingMillis() <= 0 ? new DeadlinePassed(deadline.budgetMillis()) : e;
    }

    private void arm() throws IOException {
        long remaining = deadline.remainingMillis();
        if (remaining <= 0) {
            throw new DeadlinePassed(deadline.budgetMillis());
        }
        socket.setSoTimeout((int) Math.min(readTimeoutMillis, remaining));
    }

    /** The read ended because the probe's overall deadline passed, not because the server was slow once. */
    static final class DeadlinePassed extends SocketTimeoutException {
        private static final long serialVersionUID = 1L;
        final long budgetMillis;

        DeadlinePassed(long budgetMillis) {
            super("probe deadline of " + budgetMillis + " ms passed");
            this.budgetMillis = budgetMillis;
        }
    }
}
