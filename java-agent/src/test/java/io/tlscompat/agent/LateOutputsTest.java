package io.tlscompat.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.agent.jfr.JfrHandshakeEvents;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.agent.record.Phase;
import io.tlscompat.agent.record.Records;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/** The JFR output's registration as the writer thread does it, with a recording running. */
class LateOutputsTest {
    @Test
    void aRefusedRegistrationIsTriedThreeTimesThenReportedOnceAndTheOtherOutputsGoOn() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        LateOutputs outputs = new LateOutputs(AgentOptions.parse("jmx=false"), null, null, null, parent -> {
            tries.incrementAndGet();
            throw new IllegalStateException("refused");
        });
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (Recording recording = new Recording()) {
            recording.start();
            System.setErr(new PrintStream(err, true, "UTF-8"));
            for (int i = 0; i < 5; i++) {
                outputs.consume(Records.failed("db1", 1433, Outcome.RESET, Phase.CLIENT_HELLO_SENT, null,
                        new SocketException("Connection reset"), "TLSv1.2"));
            }
        } finally {
            System.setErr(original);
        }
        assertThat(tries).hasValue(LateOutputs.JFR_ATTEMPTS);
        assertThat(err.toString(StandardCharsets.UTF_8.name())).isEqualTo(AgentRuntime.fill(LateOutputs.JFR_REFUSED,
                JfrHandshakeEvents.eventName(), "java.lang.IllegalStateException: refused") + System.lineSeparator());
    }

    @Test
    void noRegistrationWithoutARunningRecording() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        LateOutputs outputs = new LateOutputs(AgentOptions.parse("jmx=false"), null, null, null, parent -> {
            tries.incrementAndGet();
            return null;
        });
        // JFR may be initialised by another test in this JVM; with no recording running nothing is registered.
        try (Recording stopped = new Recording()) {
            outputs.consume(Records.failed("db1", 1433, Outcome.RESET, Phase.CLIENT_HELLO_SENT, null,
                    new SocketException("Connection reset"), "TLSv1.2"));
        }
        assertThat(tries).hasValue(0);
    }
}
