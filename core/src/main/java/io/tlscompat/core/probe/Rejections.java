package io.tlscompat.core.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;

/** Names how a peer ended a connection: "reset" for a TCP RST, "close" for a FIN. */
final class Rejections {
    private Rejections() {
    }

    /**
     * @param e what reading or writing threw
     * @return {@link HelloResponse#RESET} or {@link HelloResponse#CLOSE}
     */
    static String of(IOException e) {
        if (e instanceof EOFException) {
            return HelloResponse.CLOSE;
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        // Linux/macOS say "Connection reset"/"Connection reset by peer"; Windows says "forcibly closed" (10054);
        // writing into a reset socket gives "Broken pipe". All are the same RST seen from different calls.
        if (e instanceof SocketException && (message.contains("reset") || message.contains("broken pipe")
                || message.contains("forcibly closed") || message.contains("aborted"))) {
            return HelloResponse.RESET;
        }
        return HelloResponse.CLOSE;
    }
}
