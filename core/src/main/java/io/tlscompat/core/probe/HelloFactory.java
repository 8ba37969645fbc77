package io.tlscompat.core.probe;

import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.List;

/** Makes the probe's ClientHellos for one target: SNI for host names, ALPN tds/8.0 on the TDS 8 path. */
final class HelloFactory {
    private final String serverName;

    /** @param host the host as the user gave it; an IP literal gets no SNI (RFC 6066 forbids it) */
    HelloFactory(String host) {
        this.serverName = isIpLiteral(host) ? null : host;
    }

    /** A hello offering these suites with every group. */
    ClientHello hello(TlsVersion version, List<Integer> suites, ProbePath path) {
        return hello(version, suites, allGroups(), path);
    }

    /** A hello offering these suites and these groups. */
    ClientHello hello(TlsVersion version, List<Integer> suites, List<Integer> groups, ProbePath path) {
        return new ClientHello(version, suites, groups, serverName,
                path == ProbePath.TDS8 ? ClientHello.ALPN_TDS8 : null);
    }

    /** Every EC group, then every FFDHE group. */
    static List<Integer> allGroups() {
        List<Integer> groups = new ArrayList<>(TlsNames.EC_GROUPS.keySet());
        groups.addAll(TlsNames.FFDHE_GROUPS.keySet());
        return groups;
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }
}
