package io.tlscompat.agent.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.agent.record.Phase;
import io.tlscompat.agent.record.Records;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real JFR recording sees the same facts as the record. */
class JfrHandshakeEventsTest {
    @TempDir
    Path dir;

    @Test
    void failedHandshakeIsInTheRecording() throws Exception {
        JfrHandshakeEvents events = JfrHandshakeEvents.create(getClass().getClassLoader());
        assertThat(events).isNotNull();
        HandshakeRecord r = Records.failed("db1", 1433, Outcome.RESET, Phase.CLIENT_HELLO_SENT, null,
                new SocketException("Connection reset"), "TLSv1.3", "TLSv1.2");
        Path file = dir.resolve("rec.jfr");
        try (Recording recording = new Recording()) {
            recording.enable(JfrHandshakeEvents.eventName());
            recording.start();
            events.consume(r);
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> found = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("tlscompat.Handshake")).collect(Collectors.toList());
        assertThat(found).hasSize(1);
        RecordedEvent e = found.get(0);
        assertThat(e.getString("peerHost")).isEqualTo("db1");
        assertThat(e.getInt("peerPort")).isEqualTo(1433);
        assertThat(e.getString("outcome")).isEqualTo("reset");
        assertThat(e.getString("phase")).isEqualTo("client-hello-sent");
        assertThat(e.getString("offeredProtocols")).isEqualTo("TLSv1.3,TLSv1.2");
        assertThat(e.getString("exception")).isEqualTo("java.net.SocketException: Connection reset");
        assertThat(e.getLong("durationMicros")).isEqualTo(1234);
    }
}
