package io.tlscompat.core.probe;

import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the elliptic-curve groups a server accepts for ECDHE with the same drop-the-chosen walk as for suites:
 * offer only suites that need a group, read the group from the ServerKeyExchange (TLS 1.2 and older) or the
 * HelloRetryRequest (TLS 1.3), drop it, repeat. Costs accepted groups + 1 connections.
 */
final class GroupEnumerator {
    private final HelloExchanger exchanger;
    private final HelloFactory hellos;

    GroupEnumerator(HelloExchanger exchanger, HelloFactory hellos) {
        this.exchanger = exchanger;
        this.hellos = hellos;
    }

    /**
     * @param version   an accepted version
     * @param ecdheSuites accepted suites of that version that need a group (ECDHE, or all TLS 1.3 suites)
     * @return group names in the order the server chose them (its preference when it has one)
     */
    List<String> enumerate(TlsVersion version, List<Integer> ecdheSuites) throws ProbeException {
        List<Integer> remaining = new ArrayList<>(TlsNames.EC_GROUPS.keySet());
        List<String> accepted = new ArrayList<>();
        while (!remaining.isEmpty()) {
            HelloResponse response = exchanger.exchange(
                    hellos.hello(version, ecdheSuites, remaining, exchanger.path()));
            Integer group = response.isAccepted() ? response.namedGroup() : null;
            if (group == null || !remaining.contains(group)) {
                break;
            }
            accepted.add(TlsNames.group(group));
            remaining.remove(group);
        }
        return accepted;
    }
}
