package io.tlscompat.core.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The application's own JVM options that change its TLS client: only system properties ({@code -Dname=value}) do,
 * e.g. {@code -Djava.security.properties=/etc/app/java.security}, {@code -Djdk.tls.client.protocols=TLSv1.2},
 * {@code -Djavax.net.ssl.trustStore=...}. Their values may hold secrets (trust store passwords), so they are only
 * ever printed through {@link #redacted}.
 */
public final class JvmOptions {
    private JvmOptions() {
    }

    /** @return the first entry that is not a {@code -Dname[=value]} option, or null when all are */
    public static String firstInvalid(List<String> options) {
        for (String o : options) {
            if (o == null || !o.startsWith("-D") || o.length() == 2 || o.charAt(2) == '=') {
                return String.valueOf(o);
            }
        }
        return null;
    }

    /** The options with the values of password-like properties replaced by {@code ***}. */
    public static List<String> redacted(List<String> options) {
        List<String> out = new ArrayList<>();
        for (String o : options) {
            int eq = o.indexOf('=');
            String name = (eq < 0 ? o : o.substring(0, eq)).toLowerCase(Locale.ROOT);
            boolean secret = name.contains("password") || name.contains("secret") || name.endsWith("pwd");
            out.add(secret && eq >= 0 ? o.substring(0, eq + 1) + "***" : o);
        }
        return out;
    }
}
