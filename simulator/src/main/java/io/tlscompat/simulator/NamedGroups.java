package io.tlscompat.simulator;

import org.bouncycastle.tls.NamedGroup;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Named group names (as Bouncy Castle and IANA spell them) to their TLS codes. */
final class NamedGroups {
    private static final Map<String, Integer> CODES = build();

    private NamedGroups() {
    }

    /** The code of a group name such as {@code x25519}, or -1 when unknown. */
    static int code(String name) {
        Integer c = CODES.get(name.trim().toLowerCase(java.util.Locale.ROOT));
        return c == null ? -1 : c;
    }

    private static Map<String, Integer> build() {
        Map<String, Integer> m = new HashMap<>();
        for (int code = 0; code < 0x0200; code++) {
            String name = NamedGroup.getName(code);
            if (name != null && !name.startsWith("UNKNOWN")) {
                m.put(name.toLowerCase(java.util.Locale.ROOT), code);
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
