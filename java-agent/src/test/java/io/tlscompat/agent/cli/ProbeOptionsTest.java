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
    void jdbcUrlTargetsGiveHostPortAndInstanceAsTheGateReadsThem() throws Exception {
        ProbeOptions url = parse("jdbc:sqlserver://db1.corp:14330;databaseName=app;user=sa;password=x");
        assertThat(url.host()).isEqualTo("db1.corp");
        assertThat(url.port()).isEqualTo(14330);
        assertThat(url.portGiven()).isTrue();
        assertThat(url.instance()).isNull();

        ProbeOptions named = parse("jdbc:sqlserver://db2\\SALES;encrypt=true");
        assertThat(named.host()).isEqualTo("db2");
        assertThat(named.instance()).isEqualTo("SALES");
        assertThat(named.portGiven()).isFalse();
        assertThat(named.port()).isEqualTo(1433);

        ProbeOptions jtds = parse("jdbc:jtds:sqlserver://db3:1444/app;instance=HR;password=x");
        assertThat(jtds.host()).isEqualTo("db3");
        assertThat(jtds.port()).isEqualTo(1444);
        assertThat(jtds.instance()).isEqualTo("HR");

        ProbeOptions tail = parse("db4:1500;password=x");
        assertThat(tail.host()).isEqualTo("db4");
        assertThat(tail.port()).isEqualTo(1500);
        assertThat(parse("db5\\OPS").instance()).isEqualTo("OPS");

        assertThat(parse("db6").portGiven()).isFalse();
        assertThat(parse("db6:1433").portGiven()).isTrue();
        assertThat(error("jdbc:sqlserver://db1:0;password=x")).contains("expected a number from 1 to 65535");
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
