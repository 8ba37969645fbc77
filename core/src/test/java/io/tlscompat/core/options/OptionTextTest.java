package io.tlscompat.core.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionTextTest {
    @Test
    void plainValuesAreWrittenAsTheyAre() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("log", "C:\\logs\\tls.jsonl");
        m.put("probe", "false");
        assertThat(OptionText.write(m)).isEqualTo("log=C:\\logs\\tls.jsonl,probe=false");
        assertThat(OptionText.parse(OptionText.write(m))).containsExactly(entry("log", "C:\\logs\\tls.jsonl"),
                entry("probe", "false"));
    }

    @Test
    void valuesThatNeedItAreQuotedAndRoundTrip() {
        String[] values = {"/tmp/a,b/tls.jsonl", "/tmp/a=b/tls.jsonl", "\"quoted\"", "say \"hi\", then go",
            " padded ", "a,,b", ",", "\"", "", "x\"", "=,=\"\",\""};
        for (String v : values) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("log", v);
            m.put("queue", "10");
            String text = OptionText.write(m);
            assertThat(OptionText.parse(text)).as(text).containsExactly(entry("log", v), entry("queue", "10"));
        }
        Map<String, String> comma = new LinkedHashMap<>();
        comma.put("log", "/tmp/a,b/tls.jsonl");
        assertThat(OptionText.write(comma)).isEqualTo("log=\"/tmp/a,b/tls.jsonl\"");
    }

    @Test
    void textWithoutQuotesParsesAsBefore() {
        assertThat(OptionText.parse(" log = /tmp/x=y/tls.jsonl , ,probe=off,")).containsExactly(
                entry("log", "/tmp/x=y/tls.jsonl"), entry("probe", "off"));
        assertThat(OptionText.parse("log=/tmp/it\"s.jsonl")).containsExactly(entry("log", "/tmp/it\"s.jsonl"));
        assertThat(OptionText.parse(null)).isEmpty();
        assertThat(OptionText.parse("  ")).isEmpty();
    }

    @Test
    void aQuotedValueMayBeSurroundedBySpaces() {
        assertThat(OptionText.parse("log = \"/tmp/a,b\" , probe=off")).containsExactly(entry("log", "/tmp/a,b"),
                entry("probe", "off"));
    }

    @Test
    void badTextIsOneLineNamingTheEntryAndTheFix() {
        assertThatThrownBy(() -> OptionText.parse("/var/log/tls.jsonl"))
                .hasMessage(String.format(OptionText.NOT_KEY_VALUE, "/var/log/tls.jsonl"));
        assertThatThrownBy(() -> OptionText.parse("probe=off,=x"))
                .hasMessage(String.format(OptionText.NOT_KEY_VALUE, "=x"));
        assertThatThrownBy(() -> OptionText.parse("log=\"/tmp/a,b/tls.jsonl"))
                .hasMessage(String.format(OptionText.UNCLOSED_QUOTE, "log"));
        assertThatThrownBy(() -> OptionText.parse("log=\"/tmp/a\"b,probe=off"))
                .hasMessage(String.format(OptionText.AFTER_QUOTE, "log"));
    }

    @Test
    void aKeyThatCannotBeReadBackIsRefused() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("lo,g", "x");
        assertThatThrownBy(() -> OptionText.write(m)).isInstanceOf(IllegalArgumentException.class);
    }
}
