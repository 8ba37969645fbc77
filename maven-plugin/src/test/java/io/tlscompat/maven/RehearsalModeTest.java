package io.tlscompat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class RehearsalModeTest {
    @Test
    void handshakeIsTheDefaultAndTheFormerBooleansKeepTheirMeaning() throws Exception {
        assertThat(RehearsalMode.parse(null)).isEqualTo(RehearsalMode.HANDSHAKE);
        assertThat(RehearsalMode.parse(" Handshake ")).isEqualTo(RehearsalMode.HANDSHAKE);
        assertThat(RehearsalMode.parse("login")).isEqualTo(RehearsalMode.LOGIN);
        assertThat(RehearsalMode.parse("true")).isEqualTo(RehearsalMode.LOGIN);
        assertThat(RehearsalMode.parse("off")).isEqualTo(RehearsalMode.OFF);
        assertThat(RehearsalMode.parse("false")).isEqualTo(RehearsalMode.OFF);
    }

    @Test
    void aBadValueNamesTheParameterAndTheValidValues() {
        assertThatThrownBy(() -> RehearsalMode.parse("always")).isInstanceOf(MojoFailureException.class)
                .hasMessage(String.format(MojoMessages.BAD_REHEARSE, "always"));
    }

    @Test
    void onlyHandshakeModeAsksTheAgentToEndTheConnection() {
        assertThat(RehearsalMode.HANDSHAKE.agentOption()).isEqualTo(",rehearsal=handshake");
        assertThat(RehearsalMode.LOGIN.agentOption()).isEmpty();
    }

    @Test
    void theDriverMakesOneAttemptOnly() {
        assertThat(Rehearsal.withoutRetries("jdbc:sqlserver://h:1433;encrypt=true;ConnectRetryCount=3;"))
                .isEqualTo("jdbc:sqlserver://h:1433;encrypt=true;connectRetryCount=0");
        assertThat(Rehearsal.withoutRetries("jdbc:jtds:sqlserver://h:1433/db;ssl=require"))
                .isEqualTo("jdbc:jtds:sqlserver://h:1433/db;ssl=require");
    }
}
