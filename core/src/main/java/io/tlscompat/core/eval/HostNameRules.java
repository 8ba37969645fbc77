package io.tlscompat.core.eval;

import io.tlscompat.core.profile.CertificateInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * mssql-jdbc's host-name check, as its {@code SQLServerCertificateUtils.validateServerNameInCertificate} and
 * {@code validateServerName} do it (mssql-jdbc v12.10.2 and v13.4.0, src/main/java/com/microsoft/sqlserver/jdbc/
 * SQLServerCertificateUtils.java): the host (lower-cased, {@code HostNameOverrideX509TrustManager}) is compared with
 * the subject CN first, then with every DNS SAN, and — only in drivers with the knowledge base's
 * {@code ipAddressSan} fact — with every IP-address SAN, exactly. A name with {@code *} matches when the star
 * covers no dot and the host has at least two dots ({@code *.example.com} matches {@code db.example.com}, never
 * {@code a.b.example.com} nor {@code example.com}); IDN labels ({@code xn--}) never match a wildcard.
 */
final class HostNameRules {
    private static final Pattern CN = Pattern.compile("(?:^|,)\\s*CN=([^,]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final boolean ipAddressSans;

    /** @param ipAddressSans true for drivers that match IP-address SANs (mssql-jdbc 13.3.1+, first stable 13.4.0) */
    HostNameRules(boolean ipAddressSans) {
        this.ipAddressSans = ipAddressSans;
    }

    /** The names this driver compares, in its order: CN, DNS SANs, and IP SANs when it checks them. */
    List<String> namesChecked(CertificateInfo cert) {
        List<String> names = new ArrayList<>();
        String cn = commonName(cert);
        if (cn != null) {
            names.add(cn);
        }
        for (String san : cert.subjectAltNames()) {
            if ((!isIpLiteral(san) || ipAddressSans) && !names.contains(san)) {
                names.add(san);
            }
        }
        return names;
    }

    /** The IP-address SANs this driver skips (empty from 13.3.1 on). */
    List<String> ipSansIgnored(CertificateInfo cert) {
        List<String> out = new ArrayList<>();
        if (!ipAddressSans) {
            for (String san : cert.subjectAltNames()) {
                if (isIpLiteral(san)) {
                    out.add(san);
                }
            }
        }
        return out;
    }

    /** True when the driver accepts {@code host} for this certificate. */
    boolean matches(String host, CertificateInfo cert) {
        String h = host.toLowerCase(Locale.ENGLISH);
        String cn = commonName(cert);
        if (cn != null && matchesName(cn.toLowerCase(Locale.ENGLISH), h)) {
            return true;
        }
        for (String san : cert.subjectAltNames()) {
            if (isIpLiteral(san)) {
                if (ipAddressSans && san.equalsIgnoreCase(h)) {
                    return true;
                }
            } else if (matchesName(san.toLowerCase(Locale.ENGLISH), h)) {
                return true;
            }
        }
        return false;
    }

    /** validateServerName: exact, or a wildcard whose star spans no dot, on a host with at least two dots. */
    static boolean matchesName(String name, String host) {
        if (name.startsWith("xn--") || !name.contains("*")) {
            return name.equals(host);
        }
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) == '.') {
                dots++;
            }
        }
        return dots > 1 && wildcard(name, 0, host, 0);
    }

    private static boolean wildcard(String name, int n, String host, int h) {
        if (n == name.length()) {
            return h == host.length();
        }
        char c = name.charAt(n);
        if (c == '*') {
            // the star takes zero or more characters, none of them a dot
            for (int k = h; k <= host.length(); k++) {
                if (wildcard(name, n + 1, host, k)) {
                    return true;
                }
                if (k < host.length() && host.charAt(k) == '.') {
                    return false;
                }
            }
            return false;
        }
        return h < host.length() && host.charAt(h) == c && wildcard(name, n + 1, host, h + 1);
    }

    static String commonName(CertificateInfo cert) {
        if (cert.subject() == null) {
            return null;
        }
        Matcher m = CN.matcher(cert.subject());
        return m.find() ? m.group(1).trim() : null;
    }

    /** The SANs are stored as text; an IPv4 dotted quad or anything with a colon (IPv6) is an IP-address SAN. */
    static boolean isIpLiteral(String s) {
        return IPV4.matcher(s).matches() || s.indexOf(':') >= 0;
    }
}
