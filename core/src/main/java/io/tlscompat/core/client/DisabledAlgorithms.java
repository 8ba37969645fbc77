package io.tlscompat.core.client;

import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import io.tlscompat.core.tls.KeyExchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code jdk.tls.disabledAlgorithms} or {@code jdk.certpath.disabledAlgorithms} value, read the way SunJSSE reads
 * the parts that decide a handshake with SQL Server: protocol names, suite-name patterns ({@code TLS_RSA_*}),
 * suite components (RC4, DES, 3DES_EDE_CBC, NULL, anon, ECDH), signature hashes (MD5, MD5withRSA) and
 * {@code DH keySize < N}. Entries with constraints ({@code SHA1 jdkCA & usage TLSServer}) are kept but only match
 * what their constraint says without inspecting the chain: {@code jdkCA} entries never match a private CA.
 */
public final class DisabledAlgorithms {
    private static final Pattern DH_KEYSIZE = Pattern.compile("(?:DH|DiffieHellman)\\s+keySize\\s*<\\s*(\\d+)",
            Pattern.CASE_INSENSITIVE);

    private final String text;
    private final List<String> entries;

    private DisabledAlgorithms(String text, List<String> entries) {
        this.text = text;
        this.entries = Collections.unmodifiableList(entries);
    }

    /** Parses the property value; null or empty disables nothing. */
    public static DisabledAlgorithms parse(String value) {
        List<String> entries = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                String e = part.trim();
                if (!e.isEmpty()) {
                    entries.add(e);
                }
            }
        }
        return new DisabledAlgorithms(value == null ? "" : value.trim(), entries);
    }

    /** The property value as given. */
    public String text() {
        return text;
    }

    public List<String> entries() {
        return entries;
    }

    /** True when a protocol version such as {@code TLSv1} is disabled. */
    public boolean disablesProtocol(String protocol) {
        for (String e : entries) {
            if (e.equalsIgnoreCase(protocol)) {
                return true;
            }
        }
        return false;
    }

    /** True when the suite is disabled by name pattern, key exchange, cipher or MAC. */
    public boolean disablesSuite(String suiteName) {
        CipherSuite suite = CipherSuites.byName(suiteName);
        for (String e : entries) {
            if (e.contains(" ")) {
                continue; // constrained entries (keySize, usage) do not remove whole suites
            }
            if (e.endsWith("*")) {
                if (suiteName.startsWith(e.substring(0, e.length() - 1))) {
                    return true;
                }
            } else if (e.equals(suiteName) || componentMatches(e, suiteName, suite)) {
                return true;
            }
        }
        return false;
    }

    private static boolean componentMatches(String entry, String name, CipherSuite suite) {
        String body = name.startsWith("TLS_") ? name.substring(4) : name;
        List<String> parts = java.util.Arrays.asList(body.split("_"));
        switch (entry) {
            case "anon":
                return suite != null ? suite.keyExchange() == KeyExchange.ANON : name.contains("_anon_");
            case "ECDH":
                return suite != null && suite.keyExchange() == KeyExchange.ECDH;
            case "DH":
                return suite != null && suite.keyExchange() == KeyExchange.DH;
            case "DHE":
                return suite != null && suite.keyExchange() == KeyExchange.DHE;
            case "NULL":
                return parts.contains("NULL");
            case "RC4":
                return parts.contains("RC4");
            case "DES":
                return parts.contains("DES") || parts.contains("DES40");
            case "3DES_EDE_CBC":
                return name.contains("3DES_EDE_CBC");
            default:
                return false;
        }
    }

    /**
     * True when a certificate signed with this JCA algorithm (e.g. {@code MD5withRSA}) is refused. {@code MD5}
     * disables {@code MD5withRSA}; entries restricted to {@code jdkCA} or other usages never match here, because a
     * SQL Server certificate is self-signed or from a private CA.
     */
    public boolean disablesSignature(String signatureAlgorithm) {
        if (signatureAlgorithm == null) {
            return false;
        }
        String sig = signatureAlgorithm.toUpperCase(Locale.ROOT);
        String hash = sig.contains("WITH") ? sig.substring(0, sig.indexOf("WITH")) : sig;
        for (String e : entries) {
            if (e.contains(" ")) {
                continue;
            }
            String u = e.toUpperCase(Locale.ROOT);
            if (u.equals(sig) || u.equals(hash) || u.replace("-", "").equals(hash.replace("-", ""))) {
                return true;
            }
        }
        return false;
    }

    /** The smallest DH group not disabled by {@code DH keySize < N}; 0 when there is no such entry. */
    public int minDhBits() {
        Matcher m = DH_KEYSIZE.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
