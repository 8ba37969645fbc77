package io.tlscompat.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ProbeOptionsTest {
    private static ProbeOptions parse(String... args) throws UsageException {
        return ProbeOptions.parse(Arrays.asList(args));
    }

    private static String error(String... args) {
        return catchThrowableOfType(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void defaultsAndAllOptions() throws Exception {
        ProbeOptions plain = parse("db1");
        assertThat(plain.host()).isEqualTo("db1");
        assertThat(plain.port()).isEqualTo(1433);
        assertThat(plain.json()).isFalse();
        assertThat(plain.tds8()).isTrue();
        assertThat(plain.timeoutSeconds()).isEqualTo(20);

        ProbeOptions all = parse("--json", "--timeout", "7", "--no-tds8", "db1.example.com:14330");
        assertThat(all.host()).isEqualTo("db1.example.com");
        assertThat(all.port()).isEqualTo(14330);
        assertThat(all.json()).isTrue();
        assertThat(all.tds8()).isFalse();
        assertThat(all.timeoutSeconds()).isEqualTo(7);
        assertThat(parse("--timeout=3", "db").timeoutSeconds()).isEqualTo(3);
    }

    @Test
    void ipv6Targets() throws Exception {
        assertThat(parse("[2001:db8::1]:1500").host()).isEqualTo("2001:db8::1");
        assertThat(parse("[2001:db8::1]:1500").port()).isEqualTo(1500);
        assertThat(parse("[::1]").port()).isEqualTo(1433);
        assertThat(parse("::1").host()).isEqualTo("::1");
    }

    @Test
    void helpStopsParsingButEarlierMistakesStillCount() throws Exception {
        assertThat(error("--bogus", "--help")).isEqualTo(String.format(ProbeOptions.UNKNOWN_OPTION, "--bogus"));
        assertThat(parse("--help", "--bogus").help()).isTrue();
        assertThat(parse("--help").help()).isTrue();
        assertThat(parse("-h", "db").help()).isTrue();
    }

    @Test
    void mistakesAreOneLineMessagesNamingTheInput() {
        assertThat(error()).isEqualTo(ProbeOptions.MISSING_TARGET);
        assertThat(error("db1", "db2")).isEqualTo(String.format(ProbeOptions.EXTRA_ARGUMENT, "db2"));
        assertThat(error("--jsn", "db1")).isEqualTo(String.format(ProbeOptions.UNKNOWN_OPTION, "--jsn"));
        assertThat(error("--timeout", "0", "db1")).isEqualTo(String.format(ProbeOptions.BAD_TIMEOUT, "0"));
        assertThat(error("--timeout", "soon", "db1")).isEqualTo(String.format(ProbeOptions.BAD_TIMEOUT, "soon"));
        assertThat(error("db1", "--timeout")).isEqualTo(String.format(ProbeOptions.BAD_TIMEOUT, ""));
        assertThat(error("db1:99999")).isEqualTo(String.format(ProbeOptions.BAD_PORT, "99999", "db1:99999"));
        assertThat(error("db1:sql")).isEqualTo(String.format(ProbeOptions.BAD_PORT, "sql", "db1:sql"));
        assertThat(error(":1433")).isEqualTo(String.format(ProbeOptions.BAD_TARGET, ":1433"));
        assertThat(error("[::1")).isEqualTo(String.format(ProbeOptions.BAD_TARGET, "[::1"));
    }
}
