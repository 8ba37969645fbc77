package io.tlscompat.core.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/**
 * Peers that are not SQL Server, or misbehave: each must end in the right {@link ProbeException} reason, with a
 * one-line message, well within the deadline and without retries or waiting for timeouts where the peer answered.
 */
class TdsProbeBadPeerTest {
    private static final ProbeSettings FAST = ProbeSettings.builder().connectTimeoutMillis(1000)
            .readTimeoutMillis(800).deadlineMillis(5000).build();

    private static ProbeException probeFails(ScriptedPeer.Behaviour behaviour, long maxMillis) throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(behaviour)) {
            long start = System.nanoTime();
            ProbeException e = catchThrowableOfType(ProbeException.class,
                    () -> new TdsProbe(FAST).probe("127.0.0.1", peer.port()));
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertThat(e).as("probe must fail").isNotNull();
            assertThat(elapsed).as("elapsed ms").isLessThan(maxMillis);
            assertThat(e.getMessage()).doesNotContain("\n").contains("127.0.0.1:" + peer.port());
            return e;
        }
    }

    @Test
    void closedPortIsUnreachableWithTheFix() throws Exception {
        int port = JdkTlsServer.freePort();
        ProbeException e = catchThrowableOfType(ProbeException.class,
                () -> new TdsProbe(FAST).probe("127.0.0.1", port));
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo(String.format(ProbeMessages.UNREACHABLE, "127.0.0.1:" + port,
                "Connection refused")).endsWith("— check host, port and firewall");
    }

    @Test
    void unknownHostIsUnreachable() {
        ProbeException e = catchThrowableOfType(ProbeException.class,
                () -> new TdsProbe(FAST).probe("no-such-host.invalid", 1433));
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.UNREACHABLE);
        assertThat(e.getMessage()).isEqualTo(String.format(ProbeMessages.UNREACHABLE, "no-such-host.invalid:1433",
                "unknown host"));
    }

    @Test
    void httpServerIsNotTds() throws Exception {
        ProbeException e = probeFails(s -> {
            ScriptedPeer.readRequest(s);
            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }, 2000);
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.NOT_TDS);
        assertThat(e.getMessage()).contains("'HTTP/1.1").contains("is not SQL Server");
    }

    @Test
    void sshBannerIsNotTds() throws Exception {
        ProbeException e = probeFails(s -> {
            s.getOutputStream().write("SSH-2.0-OpenSSH_9.6\r\n".getBytes(StandardCharsets.US_ASCII));
            ScriptedPeer.readRequest(s);
        }, 2000);
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.NOT_TDS);
        assertThat(e.getMessage()).contains("SSH-2.0");
    }

    @Test
    void binaryGarbageIsNotTds() throws Exception {
        ProbeException e = probeFails(s -> {
            ScriptedPeer.readRequest(s);
            s.getOutputStream().write(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4, 5});
        }, 2000);
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.NOT_TDS);
        assertThat(e.getMessage()).contains("deadbeef");
    }

    @Test
    void truncatedPreloginReplyIsNotTds() throws Exception {
        ProbeException e = probeFails(s -> {
            ScriptedPeer.readRequest(s);
            // A header announcing 100 bytes, then 10 bytes and a close.
            byte[] header = {0x04, 0x01, 0x00, 100, 0, 0, 1, 0};
            s.getOutputStream().write(header);
            s.getOutputStream().write(new byte[10]);
        }, 2000);
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.NOT_TDS);
        assertThat(e.getMessage()).contains("truncated");
    }

    @Test
    void absurdPreloginOptionLengthIsNotTds() throws Exception {
        ProbeException e = probeFails(s -> {
            ScriptedPeer.readRequest(s);
            // VERSION option pointing 60000 bytes past a 6-byte body.
            byte[] body = {0x00, 0x00, 0x06, (byte) 0xEA, 0x60, (byte) 0xFF};
            new TdsPacket(TdsPacketType.TABULAR_RESULT, TdsPacketType.STATUS_EOM, 1, body)
                    .writeTo(s.getOutputStream());
        }, 2000);
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.NOT_TDS);
        assertThat(e.getMessage()).contains("points outside the message");
    }

    @Test
    void endlessDataIsBoundedAndNotTds() throws Exception {
        ProbeException e = probeFails(s -> {
            ScriptedPeer.readRequest(s);
            OutputStream out = s.getOutputStream();
            byte[] payload = new byte[4000];
            // Valid-looking reply packets that never end the message: the probe must stop at its size bound.
            for (int i = 0; i < 100_000; i++) {
                new TdsPacket(TdsPacketType.TABULAR_RESULT, 0, i & 0xFF, payload).writeTo(out);
            }
        }, 3000);
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.NOT_TDS);
        assertThat(e.getMessage()).contains("longer than");
    }

    @Test
    void emptyPreloginReplyPacketsEndTheProbeAtTheProgressBudget() throws Exception {
        ProbeException e = probeFails(s -> {
            ScriptedPeer.readRequest(s);
            OutputStream out = s.getOutputStream();
            // Reply packets without payload and never an end of message: no size bound is ever reached.
            for (int i = 0; i < 1_000_000; i++) {
                new TdsPacket(TdsPacketType.TABULAR_RESULT, 0, i & 0xFF, new byte[0]).writeTo(out);
            }
        }, 2000);
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.NOT_TDS);
        // probeFails already checked that the line names 127.0.0.1:port; the rest is the constant.
        assertThat(e.getMessage()).startsWith("127.0.0.1:").endsWith(String.format(ProbeMessages.NO_PROGRESS, "",
                ProgressBudget.MAX_EMPTY_PACKETS + 1, "in its PRELOGIN reply"));
    }

    @Test
    void silentServerTimesOutWithinTheDeadline() throws Exception {
        ProbeException e = probeFails(s -> {
            ScriptedPeer.readRequest(s);
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, 4000);
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.TIMEOUT);
        assertThat(e.getMessage()).isEqualTo(String.format(ProbeMessages.SILENT, e.getMessage().split(" ")[0], 800));
    }

    @Test
    void tricklingServerIsStoppedByTheDeadline() throws Exception {
        ProbeException e = probeFails(s -> {
            ScriptedPeer.readRequest(s);
            // A PRELOGIN reply header promising 4000 bytes, then one byte every 100 ms: each read succeeds, so
            // only the overall deadline can end it.
            OutputStream out = s.getOutputStream();
            out.write(new byte[] {0x04, 0x01, 0x0F, (byte) 0xA0, 0, 0, 1, 0});
            for (int i = 0; i < 4000; i++) {
                out.write(0);
                out.flush();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, 6500);
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.TIMEOUT);
        assertThat(e.getMessage()).isEqualTo(String.format(ProbeMessages.DEADLINE, e.getMessage().split(" ")[1],
                5000));
    }

    @Test
    void resetOnEverythingIsNotTdsAndAnsweredWithoutWaiting() throws Exception {
        ProbeException e = probeFails(s -> {
            ScriptedPeer.readRequest(s);
            ScriptedPeer.reset(s);
        }, 700);
        assertThat(e.reason()).isEqualTo(ProbeException.Reason.NOT_TDS);
        assertThat(e.getMessage()).contains(ProbeMessages.REFUSED_BOTH);
    }

    @Test
    void preloginRefusedWithoutTds8SaysToTryTds8() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(s -> {
            ScriptedPeer.readRequest(s);
            ScriptedPeer.reset(s);
        })) {
            ProbeException e = catchThrowableOfType(ProbeException.class,
                    () -> new TdsProbe(FAST.toBuilder().tds8(false).build()).probe("127.0.0.1", peer.port()));
            assertThat(e.reason()).isEqualTo(ProbeException.Reason.NOT_TDS);
            assertThat(e.getMessage())
                    .isEqualTo(String.format(ProbeMessages.PRELOGIN_REFUSED, "127.0.0.1:" + peer.port()));
        }
    }

    @Test
    void silentServerOnTheTds8PathAloneTimesOut() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(s -> {
            ScriptedPeer.readRequest(s);
            ScriptedPeer.readRequest(s);
        })) {
            long start = System.nanoTime();
            ProbeException e = catchThrowableOfType(ProbeException.class,
                    () -> new TdsProbe(FAST.toBuilder().tds7(false).build()).probe("127.0.0.1", peer.port()));
            assertThat(e.reason()).isEqualTo(ProbeException.Reason.TIMEOUT);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        }
    }

    @Test
    void endlessBytesOnTheTds8PathAreBoundedAndNotTds() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(s -> {
            ScriptedPeer.readRequest(s);
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) 0x16);
            for (int i = 0; i < 100_000; i++) {
                s.getOutputStream().write(chunk);
            }
        })) {
            ProbeException e = catchThrowableOfType(ProbeException.class,
                    () -> new TdsProbe(FAST.toBuilder().tds7(false).build()).probe("127.0.0.1", peer.port()));
            assertThat(e.reason()).isEqualTo(ProbeException.Reason.NOT_TDS);
            assertThat(e.getMessage()).contains("it answered a TLS ClientHello with not a TLS record");
        }
    }

    @Test
    void badArgumentsAreRejectedBeforeAnyConnection() {
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> new TdsProbe(FAST).probe("db1", 0))).hasMessage("port 0 is outside 1..65535");
        assertThat(catchThrowableOfType(IllegalArgumentException.class,
                () -> ProbeSettings.builder().tds7(false).tds8(false).build()))
                .hasMessageContaining("nothing to probe");
    }
}
