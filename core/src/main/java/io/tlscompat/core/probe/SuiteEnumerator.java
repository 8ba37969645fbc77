package io.tlscompat.core.probe;

import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds which suites a server accepts for one protocol version on one path, with the "offer all, drop the chosen
 * one, repeat" walk (testssl, sslscan and nmap do the same): accepted + 1 connections. A server that imposes its
 * own order is met in its preference order; the offer order of the walk tells the two kinds apart (see
 * {@link #imposesOrder}), so the order usually costs no connection at all.
 */
final class SuiteEnumerator {
    private final HelloExchanger exchanger;
    private final HelloFactory hellos;

    SuiteEnumerator(HelloExchanger exchanger, HelloFactory hellos) {
        this.exchanger = exchanger;
        this.hellos = hellos;
    }

    /** Every suite worth offering for a version: TLS 1.3 suites only for TLS 1.3, no TLS 1.2-only suites before it. */
    static List<Integer> offerable(TlsVersion version) {
        List<Integer> out = new ArrayList<>();
        for (CipherSuite suite : CipherSuites.all()) {
            if (suite.code() == 0 || suite.isSignalling()) {
                continue;
            }
            if (version == TlsVersion.TLSv1_3) {
                if (suite.isTls13()) {
                    out.add(suite.code());
                }
            } else if (!suite.isTls13() && (version == TlsVersion.TLSv1_2 || !suite.requiresTls12())) {
                out.add(suite.code());
            }
        }
        return out;
    }

    /** Enumerates one version. */
    VersionResult enumerate(TlsVersion version) throws ProbeException {
        List<Integer> remaining = new ArrayList<>(offerable(version));
        List<Integer> accepted = new ArrayList<>();
        List<HelloResponse> answers = new ArrayList<>();
        HelloResponse end = null;
        while (!remaining.isEmpty()) {
            // First hello in ascending value order, the rest descending: a server that follows the client's order
            // then reveals itself by the pattern of its choices, without a connection spent only on the order.
            List<Integer> offer = accepted.isEmpty() ? remaining : descending(remaining);
            HelloResponse response = exchanger.exchange(hellos.hello(version, offer, exchanger.path()));
            if (!response.isAccepted() || !remaining.contains(response.cipherSuite())) {
                end = response;
                break;
            }
            answers.add(response);
            accepted.add(response.cipherSuite());
            remaining.remove(Integer.valueOf(response.cipherSuite()));
        }
        boolean serverOrder = accepted.size() >= 2 && imposesOrder(version, accepted);
        List<Integer> listed = serverOrder ? accepted : ascending(accepted);
        return new VersionResult(exchanger.path(), version, listed, serverOrder, end, answers);
    }

    /**
     * A client-order server picks, from our offers, the lowest value first and then the highest remaining each
     * time. Any other sequence means the server chose by its own order. Only when its choices happen to look like
     * that pattern does one more hello (the accepted suites, highest value first) tell the two apart.
     */
    private boolean imposesOrder(TlsVersion version, List<Integer> accepted) throws ProbeException {
        if (!accepted.equals(clientOrderPattern(accepted))) {
            return true;
        }
        HelloResponse response = exchanger.exchange(hellos.hello(version, descending(accepted), exchanger.path()));
        return response.isAccepted() && response.cipherSuite() == accepted.get(0);
    }

    /** What a client-order server would have chosen, in order, given the suites it accepts. */
    static List<Integer> clientOrderPattern(List<Integer> acceptedSuites) {
        List<Integer> rest = descending(acceptedSuites);
        Integer lowest = rest.remove(rest.size() - 1);
        List<Integer> pattern = new ArrayList<>();
        pattern.add(lowest);
        pattern.addAll(rest);
        return pattern;
    }

    private static List<Integer> ascending(List<Integer> suites) {
        List<Integer> out = new ArrayList<>(suites);
        Collections.sort(out);
        return out;
    }

    private static List<Integer> descending(List<Integer> suites) {
        List<Integer> out = ascending(suites);
        Collections.reverse(out);
        return out;
    }
}
