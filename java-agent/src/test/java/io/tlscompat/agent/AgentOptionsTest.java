package io.tlscompat.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AgentOptionsTest {
    @Test
    void defaultsWithoutText() {
        AgentOptions o = AgentOptions.parse(null);
        assertThat(o.log()).isNull();
        assertThat(o.probe()).isTrue();
        assertThat(o.probeIntervalSeconds()).isEqualTo(600);
        assertThat(o.maxFileSize()).isEqualTo(10L * 1024 * 1024);
        assertThat(o.queue()).isEqualTo(4096);
        assertThat(o.jfr()).isTrue();
        assertThat(o.jmx()).isTrue();
    }

    @Test
    void parsesEveryKey() {
        AgentOptions o = AgentOptions.parse("log=/tmp/x/tls.jsonl, maxFileSize=512k,maxFiles=3,stderr=false,"
                + "probe=off,probeInterval=60,queue=10,jfr=no,jmx=false,summary=false");
        assertThat(o.log()).isEqualTo("/tmp/x/tls.jsonl");
        assertThat(o.maxFileSize()).isEqualTo(512 * 1024);
        assertThat(o.maxFiles()).isEqualTo(3);
        assertThat(o.stderr()).isFalse();
        assertThat(o.probe()).isFalse();
        assertThat(o.probeIntervalSeconds()).isEqualTo(60);
        assertThat(o.queue()).isEqualTo(10);
        assertThat(o.jfr()).isFalse();
        assertThat(o.jmx()).isFalse();
        assertThat(o.summary()).isFalse();
    }

    @Test
    void unknownKeyListsTheValidOnes() {
        assertThatThrownBy(() -> AgentOptions.parse("log=a.jsonl,logfile=b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.format(AgentOptions.UNKNOWN_KEY, "logfile",
                        "log, maxFileSize, maxFiles, stderr, probe, probeInterval, queue, jfr, jmx, summary"));
    }

    @Test
    void theRehearsalOptionIsAcceptedButNotAdvertised() {
        assertThat(AgentOptions.KEYS).doesNotContain(AgentOptions.REHEARSAL_KEY);
        assertThat(AgentOptions.parse("log=a.jsonl," + AgentOptions.REHEARSAL_KEY + "=handshake")).isNotNull();
    }

    @Test
    void entryWithoutEqualsIsRejected() {
        assertThatThrownBy(() -> AgentOptions.parse("/var/log/tls.jsonl"))
                .hasMessage(String.format(AgentOptions.NOT_KEY_VALUE, "/var/log/tls.jsonl"));
    }

    @Test
    void badValuesNameKeyValueAndFix() {
        assertThatThrownBy(() -> AgentOptions.parse("probe=maybe"))
                .hasMessage(String.format(AgentOptions.BAD_VALUE, "probe", "maybe", "use true or false"));
        assertThatThrownBy(() -> AgentOptions.parse("queue=0"))
                .hasMessage(String.format(AgentOptions.BAD_VALUE, "queue", "0", "use a number from 1 to 1000000"));
        assertThatThrownBy(() -> AgentOptions.parse("maxFileSize=lots"))
                .hasMessage(String.format(AgentOptions.BAD_VALUE, "maxFileSize", "lots", "use a size such as 10m"));
    }

    @Test
    void whatWriteWritesParseReadsBack() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("log", "/tmp/a,b/x=y/tls.jsonl");
        m.put("probe", "false");
        m.put(AgentOptions.REHEARSAL_KEY, "handshake");
        AgentOptions o = AgentOptions.parse(AgentOptions.write(m));
        assertThat(o.log()).isEqualTo("/tmp/a,b/x=y/tls.jsonl");
        assertThat(o.probe()).isFalse();
        assertThat(o.rehearsal()).isTrue();
    }

    @Test
    void aQuotedLogPathWithACommaIsOneValue() {
        assertThat(AgentOptions.parse("log=\"/tmp/a,b/tls.jsonl\",queue=7").log()).isEqualTo("/tmp/a,b/tls.jsonl");
    }
}
