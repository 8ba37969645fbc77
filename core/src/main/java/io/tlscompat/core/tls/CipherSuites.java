package io.tlscompat.core.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of cipher suites by IANA value and name, loaded once from {@code cipher-suites.txt}
 * (the IANA registry as mirrored by Bouncy Castle). Unknown values are represented, not dropped.
 */
public final class CipherSuites {
    private static final String RESOURCE = "cipher-suites.txt";
    private static final List<CipherSuite> ALL;
    private static final Map<Integer, CipherSuite> BY_CODE = new HashMap<>();
    private static final Map<String, CipherSuite> BY_NAME = new HashMap<>();

    static {
        List<CipherSuite> all = new ArrayList<>();
        try (InputStream in = CipherSuites.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.trim();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                CipherSuite suite = new CipherSuite(Integer.decode(parts[0]), parts[1]);
                all.add(suite);
                BY_CODE.put(suite.code(), suite);
                BY_NAME.put(suite.name(), suite);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
        ALL = Collections.unmodifiableList(all);
    }

    private CipherSuites() {
    }

    /** Every known suite, in IANA value order, signalling values included. */
    public static List<CipherSuite> all() {
        return ALL;
    }

    /** The suite with this IANA value; an "unknown" placeholder named {@code 0xABCD} when not in the registry. */
    public static CipherSuite byCode(int code) {
        CipherSuite suite = BY_CODE.get(code);
        return suite != null ? suite : new CipherSuite(code, String.format("0x%04X", code));
    }

    /** The suite with this IANA (= JDK) name, or null. Also accepts the {@code SSL_} prefix old JDKs use. */
    public static CipherSuite byName(String name) {
        CipherSuite suite = BY_NAME.get(name);
        if (suite == null && name.startsWith("SSL_")) {
            suite = BY_NAME.get("TLS_" + name.substring(4));
        }
        return suite;
    }
}
