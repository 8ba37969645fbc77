package io.tlscompat.core.probe;

import io.tlscompat.core.tds.TdsPacket;

import java.io.IOException;

/**
 * What one connection's peer may send without progress: TDS packets that carry no payload. SQL Server never sends
 * an empty packet in the PRELOGIN exchange or the TLS handshake, so a few are tolerated and then the probe gives up
 * at once, instead of reading (and allocating) at wire speed until the overall deadline. One budget per connection.
 */
final class ProgressBudget {
    /** Empty TDS packets tolerated on one connection before the probe stops reading it. */
    static final int MAX_EMPTY_PACKETS = 16;

    private final String during;
    private int emptyPackets;

    /** @param during what the connection was doing, for the message ("in its PRELOGIN reply") */
    ProgressBudget(String during) {
        this.during = during;
    }

    /**
     * Counts one packet against the budget.
     *
     * @throws Exceeded when the peer has sent more than {@link #MAX_EMPTY_PACKETS} packets without payload
     */
    void count(TdsPacket packet) throws Exceeded {
        if (packet.payload().length == 0 && ++emptyPackets > MAX_EMPTY_PACKETS) {
            throw new Exceeded(emptyPackets, during);
        }
    }

    /** The peer used up the budget; {@link #toProbeException} is the one line the user sees. */
    static final class Exceeded extends IOException {
        private static final long serialVersionUID = 1L;
        private final int packets;
        private final String during;

        Exceeded(int packets, String during) {
            super(packets + " TDS packets without payload " + during);
            this.packets = packets;
            this.during = during;
        }

        ProbeException toProbeException(String target) {
            return new ProbeException(ProbeException.Reason.NOT_TDS,
                    String.format(ProbeMessages.NO_PROGRESS, target, packets, during), this);
        }
    }
}
