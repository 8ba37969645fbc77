package io.tlscompat.it.support;

import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks OpenSSL itself what a plain-TLS server accepts, to judge the probe against an independent client: for one
 * protocol version, {@code openssl s_client} offers every suite OpenSSL knows, notes the one the server picks, removes
 * it, and repeats until the handshake fails (the same elimination sslscan uses). The accepted list is therefore in
 * the order the server picked, which is its preference order when it imposes one; {@link #serverOrder} checks that
 * by offering the top two in reverse.
 */
public final class OpenSslOracle {
    /** Every TLS 1.3 suite OpenSSL 3 implements (it enables only the first three by default). */
    private static final List<String> TLS13_SUITES = Arrays.asList("TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256", "TLS_AES_128_CCM_SHA256",
            "TLS_AES_128_CCM_8_SHA256");

    private final String host;
    private final int port;
    /** OpenSSL name → IANA name, for every TLS ≤ 1.2 suite this openssl knows (security level 0). */
    private final Map<String, String> ianaByOpensslName;

    public OpenSslOracle(String host, int port) {
        Openssl.assumeAvailable();
        this.host = host;
        this.port = port;
        this.ianaByOpensslName = ianaNames();
    }

    private static Map<String, String> ianaNames() {
        Map<String, String> m = new LinkedHashMap<>();
        // Lines: "<IANA name> - <OpenSSL name> <protocol> Kx=... Au=... Enc=... Mac=..."
        for (String line : Openssl.run("ciphers", "-stdname", "-v", "ALL:COMPLEMENTOFALL:@SECLEVEL=0").stdout()
                .split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && "-".equals(f[1]) && !"TLSv1.3".equals(f[3])) {
                m.put(f[2], f[0]);
            }
        }
        return m;
    }

    /** The suites (IANA names) the server accepts with this version, in the order the server picked them. */
    public List<String> acceptedSuites(TlsVersion version) {
        List<String> remaining = new ArrayList<>(version == TlsVersion.TLSv1_3 ? TLS13_SUITES
                : new ArrayList<>(ianaByOpensslName.keySet()));
        List<String> accepted = new ArrayList<>();
        while (!remaining.isEmpty()) {
            String chosen = handshake(version, remaining);
            if (chosen == null) {
                break;
            }
            if (!remaining.remove(chosen)) {
                throw new IllegalStateException("server chose " + chosen + " which was not offered");
            }
            accepted.add(chosen);
        }
        List<String> iana = new ArrayList<>();
        for (String s : accepted) {
            iana.add(version == TlsVersion.TLSv1_3 ? s : ianaByOpensslName.get(s));
        }
        return Collections.unmodifiableList(iana);
    }

    /**
     * Whether the server picks by its own order: offer two accepted suites in both orders; a server that follows the
     * client picks the first each time.
     */
    public boolean serverOrder(TlsVersion version, List<String> acceptedIana) {
        if (acceptedIana.size() < 2) {
            return false;
        }
        List<String> two = new ArrayList<>();
        for (String iana : acceptedIana.subList(0, 2)) {
            two.add(version == TlsVersion.TLSv1_3 ? iana : opensslName(iana));
        }
        String forward = handshake(version, two);
        Collections.reverse(two);
        String backward = handshake(version, two);
        return forward != null && forward.equals(backward);
    }

    private String opensslName(String iana) {
        for (Map.Entry<String, String> e : ianaByOpensslName.entrySet()) {
            if (e.getValue().equals(iana)) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("openssl does not know " + iana);
    }

    /** One s_client handshake offering exactly these suites (OpenSSL names); the chosen suite, or null on failure. */
    String handshake(TlsVersion version, List<String> suites) {
        List<String> args = new ArrayList<>(Arrays.asList("s_client", "-connect", host + ":" + port, "-brief",
                versionFlag(version)));
        if (version == TlsVersion.TLSv1_3) {
            args.addAll(Arrays.asList("-ciphersuites", String.join(":", suites), "-cipher", "ALL:@SECLEVEL=0"));
        } else {
            // Security level 0: TLS 1.0/1.1, SHA-1 and 3DES are refused at OpenSSL 3's default level 1.
            args.addAll(Arrays.asList("-cipher", String.join(":", suites) + ":@SECLEVEL=0"));
        }
        ProcessOutput out = Openssl.runAllowingFailure(args.toArray(new String[0]));
        String text = out.stdout() + "\n" + out.stderr();
        for (String line : text.split("\n")) {
            if (line.startsWith("Ciphersuite:")) {
                return line.substring("Ciphersuite:".length()).trim();
            }
        }
        return null;
    }

    private static String versionFlag(TlsVersion v) {
        switch (v) {
            case SSLv3:
                return "-ssl3";
            case TLSv1:
                return "-tls1";
            case TLSv1_1:
                return "-tls1_1";
            case TLSv1_2:
                return "-tls1_2";
            default:
                return "-tls1_3";
        }
    }
}
