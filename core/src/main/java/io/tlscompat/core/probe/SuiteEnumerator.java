package io.tlscompat.core.probe;

import io.tlscompat.core.tls.CipherSuite;
import io.tlscompat.core.tls.CipherSuites;
import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Finds which suites a server accepts for one protocol version on one path, with the "offer all, drop the chosen
 * one, repeat" walk (testssl, sslscan and nmap do the same): accepted + 1 connections. Then one more hello with
 * the accepted suites reversed tells whether the server imposes its own order; if it does, the walk already met the
 * suites in the server's preference order.
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
            HelloResponse response = exchanger.exchange(hellos.hello(version, remaining, exchanger.path()));
            if (!response.isAccepted() || !remaining.contains(response.cipherSuite())) {
                end = response;
                break;
            }
            answers.add(response);
            accepted.add(response.cipherSuite());
            remaining.remove(Integer.valueOf(response.cipherSuite()));
        }
        boolean serverOrder = false;
        if (accepted.size() >= 2) {
            List<Integer> reversed = new ArrayList<>(accepted);
            Collections.reverse(reversed);
            HelloResponse response = exchanger.exchange(hellos.hello(version, reversed, exchanger.path()));
            serverOrder = response.isAccepted() && response.cipherSuite() == accepted.get(0);
        }
        return new VersionResult(exchanger.path(), version, accepted, serverOrder, end, answers);
    }
}
