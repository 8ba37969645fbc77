package io.tlscompat.core.probe;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TLS registry values the probe offers and reads back (IANA "TLS Parameters"): alert descriptions, named groups
 * and signature schemes. Names are the IANA ones, so they match what the JDK and OpenSSL print.
 */
final class TlsNames {
    /**
     * Elliptic-curve groups the probe offers, most common first (RFC 8422, RFC 7027, RFC 8446, RFC 8734). The binary
     * (sect*) and sub-224-bit curves are left out: RFC 8422 deprecated them, Schannel never had them and the JDK
     * dropped them in 16, so no SQL Server client could use them; leaving them out also keeps the group walk short.
     */
    static final Map<Integer, String> EC_GROUPS;
    /** Finite-field groups (RFC 7919), offered so a TLS 1.2 server can name its DHE group. */
    static final Map<Integer, String> FFDHE_GROUPS;
    /** Every signature scheme, MD5 and SHA-1 included, so a weakly-signed server still answers (RFC 5246 7.4.1.4.1). */
    static final List<Integer> SIGNATURE_SCHEMES = Collections.unmodifiableList(Arrays.asList(
            0x0804, 0x0805, 0x0806, 0x0809, 0x080a, 0x080b, 0x0807, 0x0808,
            0x0403, 0x0503, 0x0603, 0x0401, 0x0501, 0x0601, 0x0301, 0x0302, 0x0303, 0x0402, 0x0502, 0x0602,
            0x0201, 0x0202, 0x0203, 0x0101, 0x0102, 0x0103));

    private static final Map<Integer, String> ALERTS = new LinkedHashMap<>();

    static {
        Map<Integer, String> ec = new LinkedHashMap<>();
        ec.put(0x001D, "x25519");
        ec.put(0x0017, "secp256r1");
        ec.put(0x0018, "secp384r1");
        ec.put(0x0019, "secp521r1");
        ec.put(0x001E, "x448");
        ec.put(0x001A, "brainpoolP256r1");
        ec.put(0x001B, "brainpoolP384r1");
        ec.put(0x001C, "brainpoolP512r1");
        ec.put(0x001F, "brainpoolP256r1tls13");
        ec.put(0x0020, "brainpoolP384r1tls13");
        ec.put(0x0021, "brainpoolP512r1tls13");
        ec.put(0x0016, "secp256k1");
        ec.put(0x0015, "secp224r1");
        EC_GROUPS = Collections.unmodifiableMap(ec);

        Map<Integer, String> ff = new LinkedHashMap<>();
        ff.put(0x0100, "ffdhe2048");
        ff.put(0x0101, "ffdhe3072");
        ff.put(0x0102, "ffdhe4096");
        ff.put(0x0103, "ffdhe6144");
        ff.put(0x0104, "ffdhe8192");
        FFDHE_GROUPS = Collections.unmodifiableMap(ff);

        ALERTS.put(0, "close_notify");
        ALERTS.put(10, "unexpected_message");
        ALERTS.put(20, "bad_record_mac");
        ALERTS.put(21, "decryption_failed");
        ALERTS.put(22, "record_overflow");
        ALERTS.put(30, "decompression_failure");
        ALERTS.put(40, "handshake_failure");
        ALERTS.put(41, "no_certificate");
        ALERTS.put(42, "bad_certificate");
        ALERTS.put(43, "unsupported_certificate");
        ALERTS.put(44, "certificate_revoked");
        ALERTS.put(45, "certificate_expired");
        ALERTS.put(46, "certificate_unknown");
        ALERTS.put(47, "illegal_parameter");
        ALERTS.put(48, "unknown_ca");
        ALERTS.put(49, "access_denied");
        ALERTS.put(50, "decode_error");
        ALERTS.put(51, "decrypt_error");
        ALERTS.put(60, "export_restriction");
        ALERTS.put(70, "protocol_version");
        ALERTS.put(71, "insufficient_security");
        ALERTS.put(80, "internal_error");
        ALERTS.put(86, "inappropriate_fallback");
        ALERTS.put(90, "user_canceled");
        ALERTS.put(100, "no_renegotiation");
        ALERTS.put(109, "missing_extension");
        ALERTS.put(110, "unsupported_extension");
        ALERTS.put(111, "certificate_unobtainable");
        ALERTS.put(112, "unrecognized_name");
        ALERTS.put(113, "bad_certificate_status_response");
        ALERTS.put(114, "bad_certificate_hash_value");
        ALERTS.put(115, "unknown_psk_identity");
        ALERTS.put(116, "certificate_required");
        ALERTS.put(120, "no_application_protocol");
    }

    private TlsNames() {
    }

    /** The IANA name of an alert description, or {@code alert_N} for one the registry does not have. */
    static String alert(int description) {
        String name = ALERTS.get(description);
        return name != null ? name : "alert_" + description;
    }

    /** The IANA name of a named group, or {@code 0xNNNN}. */
    static String group(int code) {
        String name = EC_GROUPS.get(code);
        if (name == null) {
            name = FFDHE_GROUPS.get(code);
        }
        return name != null ? name : String.format("0x%04X", code);
    }
}
