package io.tlscompat.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.probe.ProbeMessages;
import io.tlscompat.core.profile.ProfileNote;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.TdsPacket;
import io.tlscompat.core.tds.TdsPacketType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code probe} against peers that answer PRELOGIN like SQL Server and then misbehave: one that streams empty TDS
 * packets (ends fast, in bounded memory, as a child JVM measured from outside), and ones whose TLS is malformed
 * (exit 0, and the profile says why in {@code notes}, in the JSON and in the table).
 */
class HostilePeerProbeTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(Arrays.asList(args), new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void peerStreamingEmptyPacketsEndsWithOneLineFastInBoundedMemory() throws Exception {
        try (HostilePeer peer = new HostilePeer(o -> {
            byte[] empty = new byte[0];
            long until = System.currentTimeMillis() + 15_000;
            // Bounded in count and time; the probe hangs up long before either bound.
            for (int i = 0; i < 50_000_000 && System.currentTimeMillis() < until; i++) {
                new TdsPacket(TdsPacketType.PRELOGIN, 0, i & 0xFF, empty).writeTo(o);
            }
        })) {
            CliProcess cli = CliProcess.run("probe", "127.0.0.1:" + peer.port());
            long probeMillis = (System.nanoTime() - peer.firstConnectionNanos) / 1_000_000;
            System.out.println("empty-packet peer: exit " + cli.exitCode + " after " + cli.elapsedMillis
                    + " ms (" + probeMillis + " ms from the first connection), peak RSS " + cli.peakRssKb + " kB");

            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.UNREACHABLE);
            assertThat(cli.elapsedMillis).as(cli.toString()).isLessThan(5_000);
            assertThat(cli.peakRssKb).as(cli.toString()).isPositive().isLessThan(300 * 1024);
            assertThat(cli.stdout).isEmpty();
            String[] lines = cli.stderr.split("\\R");
            assertThat(lines).as(cli.stderr).hasSize(1);
            assertThat(lines[0]).isEqualTo("probe: " + String.format(ProbeMessages.NO_PROGRESS,
                    "127.0.0.1:" + peer.port(), 17, "during the TLS handshake"));
        }
    }

    @Test
    void serverHelloWithGarbageExtensionsIsANote() throws Exception {
        // An extensions block of 6 bytes whose one extension (ALPN) claims 0x40 bytes.
        byte[] extensions = {0x00, 0x06, 0x00, 0x10, 0x00, 0x40, 0x01, 0x02};
        ProfileNote note = onlyNote(o -> HostilePeer.sendWrapped(o, HostilePeer.record(22,
                HostilePeer.handshake(2, HostilePeer.serverHelloBody(extensions)))));
        assertThat(note.message()).isEqualTo(String.format(ProbeMessages.NOTE_MALFORMED_ANSWER, "TDS 7.x",
                "TLSv1.3, TLSv1.2, TLSv1.1, TLSv1, SSLv3"));
        assertThat(note.parseError()).isEqualTo("ServerHello extensions is truncated (needs 64 more bytes, 2 left)");
    }

    @Test
    void nonTlsBytesAfterPreloginOfferedEncryptionAreANote() throws Exception {
        ProfileNote note = onlyNote(o -> HostilePeer.sendWrapped(o,
                "HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertThat(note.message()).isEqualTo(String.format(ProbeMessages.NOTE_NOT_TLS, "TDS 7.x",
                "TLSv1.3, TLSv1.2, TLSv1.1, TLSv1, SSLv3"));
        assertThat(note.parseError()).startsWith("not a TLS record (first bytes 485454");
    }

    @Test
    void handshakeLongerThanItsRecordIsANote() throws Exception {
        byte[] body = HostilePeer.serverHelloBody(null);
        ProfileNote note = onlyNote(o -> HostilePeer.sendWrapped(o, HostilePeer.record(22,
                HostilePeer.handshake(2, 1000, body))));
        assertThat(note.parseError()).isEqualTo("TLS handshake message of type 2 announces 1000 bytes but the server"
                + " sent only " + body.length + " and then closed the connection");
        assertThat(note.message()).contains("malformed TLS");
    }

    @Test
    void unparsableCertificateIsANoteNotASilentNull() throws Exception {
        byte[] garbageDer = {0x30, 0x03, 0x01, 0x02, 0x03};
        byte[] certificateList = {0x00, 0x00, 0x08, 0x00, 0x00, 0x05, 0x30, 0x03, 0x01, 0x02, 0x03};
        assertThat(certificateList).endsWith(garbageDer);
        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        flight.write(HostilePeer.handshake(2, HostilePeer.serverHelloBody(null)));
        flight.write(HostilePeer.handshake(11, certificateList));
        flight.write(HostilePeer.handshake(14, new byte[0]));
        ProfileNote note = onlyNote(o -> HostilePeer.sendWrapped(o, HostilePeer.record(22, flight.toByteArray())));
        assertThat(note.message()).isEqualTo(ProbeMessages.NOTE_CERTIFICATE);
        assertThat(note.parseError()).isNotBlank();
    }

    /** Probes the peer with --json and as a table: exit 0 both times, one note, shown in both. */
    private ProfileNote onlyNote(HostilePeer.TlsPhase phase) throws Exception {
        try (HostilePeer peer = new HostilePeer(phase)) {
            String target = "127.0.0.1:" + peer.port();
            assertThat(run("probe", "--json", "--timeout", "10", target)).as(err.toString()).isEqualTo(ExitCodes.OK);
            ServerProfile profile = ServerProfile.fromJsonText(out.toString(StandardCharsets.UTF_8));
            assertThat(profile.certificate()).isNull();
            List<ProfileNote> notes = profile.notes();
            assertThat(notes).as(profile.toJsonText()).hasSize(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"notes\"").contains("\"parseError\"");

            out.reset();
            assertThat(run("probe", "--timeout", "10", target)).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("note         " + notes.get(0).message() + ": "
                    + notes.get(0).parseError());
            assertThat(err.size()).isZero();
            return notes.get(0);
        }
    }
}
