package io.tlscompat.simulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK's TLS error texts differ by release: JDK 25 (checked with Temurin 25) puts the alert name in parentheses
 * before the message, e.g. "(handshake_failure) Received fatal alert: handshake_failure"; JDK 17 (checked with
 * OpenJDK 17.0.15) does not. Releases in between were not checked, so for them either form is accepted.
 */
final class JdkMessages {
    static final int FEATURE = Runtime.version().feature();

    private JdkMessages() {
    }

    /** The message this JDK gives for {@code text} raised with {@code alert}. */
    static String[] expected(String alert, String text) {
        String prefixed = "(" + alert + ") " + text;
        if (FEATURE <= 17) {
            return new String[] {text};
        }
        if (FEATURE >= 25) {
            return new String[] {prefixed};
        }
        return new String[] {text, prefixed};
    }

    static void assertJdkMessage(String actual, String alert, String text) {
        assertThat(actual).isIn((Object[]) expected(alert, text));
    }

    /** For messages that embed the JDK text after a fixed prefix, e.g. mssql-jdbc's "... Error: " wrapper. */
    static void assertStartsWithJdkMessage(String actual, String before, String alert, String text) {
        boolean any = false;
        for (String e : expected(alert, text)) {
            any |= actual.startsWith(before + e);
        }
        assertThat(any).as("'%s' starts with '%s' + one of %s", actual, before,
                java.util.Arrays.toString(expected(alert, text))).isTrue();
    }
}
