package io.tlscompat.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RehearsalGuardTest {
    @Test
    void onlyTheRehearsalForkMayEndConnections() {
        assertThat(RehearsalGuard.refusal(false, "io.tlscompat.core.client.RehearsalMain jdbc:sqlserver://h 15"))
                .isNull();
        assertThat(RehearsalGuard.refusal(false, "com.example.App --port 8080"))
                .isEqualTo(String.format(RehearsalGuard.REFUSED, "main class com.example.App"));
        assertThat(RehearsalGuard.refusal(false, null))
                .isEqualTo(String.format(RehearsalGuard.REFUSED, "main class unknown"));
        assertThat(RehearsalGuard.refusal(true, "io.tlscompat.core.client.RehearsalMain x"))
                .isEqualTo(String.format(RehearsalGuard.REFUSED, "attach"));
    }

    @Test
    void rehearsalOptionTakesHandshakeOrOff() {
        assertThat(AgentOptions.parse(null).rehearsal()).isFalse();
        assertThat(AgentOptions.parse("rehearsal=off").rehearsal()).isFalse();
        assertThat(AgentOptions.parse("rehearsal=handshake").rehearsal()).isTrue();
        assertThatThrownBy(() -> AgentOptions.parse("rehearsal=login"))
                .hasMessage(String.format(AgentOptions.BAD_VALUE, "rehearsal", "login", "use handshake or off"));
    }
}
