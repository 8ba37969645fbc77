package io.tlscompat.core.probe;

import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Finds which of the groups that decide Java and Schannel compatibility a server accepts for ECDHE: x25519,
 * secp256r1, secp384r1, secp521r1 (the JDK's and Windows' curves). It starts from the groups the suite walk already
 * saw chosen and walks the rest with the drop-the-chosen loop: offer only group-needing suites and the unknown key
 * groups, read the group from the ServerKeyExchange (TLS 1.2 and older) or the HelloRetryRequest (TLS 1.3), drop
 * it, repeat. At most one connection per key group not yet seen, plus one.
 */
final class GroupEnumerator {
    /** The groups worth a connection: every JDK and Schannel ECDHE client uses one of these. */
    static final List<Integer> KEY_GROUPS = Collections.unmodifiableList(Arrays.asList(0x001D, 0x0017, 0x0018,
            0x0019));

    private final HelloExchanger exchanger;
    private final HelloFactory hellos;

    GroupEnumerator(HelloExchanger exchanger, HelloFactory hellos) {
        this.exchanger = exchanger;
        this.hellos = hellos;
    }

    /**
     * @param version     an accepted version
     * @param groupSuites accepted suites of that version that need a group (ECDHE, or TLS 1.3 suites)
     * @param known       groups the server already chose in the suite walk
     * @return the key groups the server accepts that were not in {@code known}, in the order it chose them
     */
    List<Integer> enumerate(TlsVersion version, List<Integer> groupSuites, List<Integer> known)
            throws ProbeException {
        List<Integer> remaining = new ArrayList<>(KEY_GROUPS);
        remaining.removeAll(known);
        List<Integer> accepted = new ArrayList<>();
        while (!remaining.isEmpty()) {
            HelloResponse response = exchanger.exchange(
                    hellos.hello(version, groupSuites, remaining, exchanger.path()));
            Integer group = response.isAccepted() ? response.namedGroup() : null;
            if (group == null || !remaining.contains(group)) {
                break;
            }
            accepted.add(group);
            remaining.remove(group);
        }
        return accepted;
    }
}
