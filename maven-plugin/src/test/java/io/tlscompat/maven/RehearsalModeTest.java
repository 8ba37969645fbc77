package io.tlscompat.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.tlscompat.core.options.OptionText;

import java.io.File;
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
        assertThat(RehearsalMode.HANDSHAKE.agentOptions()).containsExactly(entry("rehearsal", "handshake"));
        assertThat(RehearsalMode.LOGIN.agentOptions()).isEmpty();
    }

    @Test
    void aLogPathWithACommaReachesTheAgentWhole() {
        File log = new File("/tmp/a,b/x=y/rehearsal-db1-1433.jsonl");
        String text = Rehearsal.agentOptions(log, RehearsalMode.HANDSHAKE);
        assertThat(text).isEqualTo("log=\"" + log.getAbsolutePath() + "\",stderr=false,probe=false,jfr=false,"
                + "jmx=false,summary=false,rehearsal=handshake");
        assertThat(OptionText.parse(text)).containsEntry("log", log.getAbsolutePath())
                .containsEntry("rehearsal", "handshake").hasSize(7);
    }

    @Test
    void theDriverMakesOneAttemptOnly() {
        assertThat(Rehearsal.withoutRetries("jdbc:sqlserver://h:1433;encrypt=true;ConnectRetryCount=3;"))
                .isEqualTo("jdbc:sqlserver://h:1433;encrypt=true;connectRetryCount=0");
        assertThat(Rehearsal.withoutRetries("jdbc:jtds:sqlserver://h:1433/db;ssl=require"))
                .isEqualTo("jdbc:jtds:sqlserver://h:1433/db;ssl=require");
    }
}
