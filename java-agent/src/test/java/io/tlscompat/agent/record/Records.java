package io.tlscompat.agent.record;

/** Builds records for tests the way the tracker does (real values, no mocks). */
public final class Records {
    private Records() {
    }

    public static HandshakeRecord failed(String host, int port, Outcome outcome, Phase phase, String suite,
            Throwable failure, String... offeredProtocols) {
        return new HandshakeRecord(System.currentTimeMillis(), "main", host, port, outcome, phase, null, suite,
                offeredProtocols, new String[] {"TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"}, null, 1234, failure, null);
    }

    public static HandshakeRecord ok(String host, int port, String protocol, String suite) {
        return new HandshakeRecord(System.currentTimeMillis(), "main", host, port, Outcome.OK, Phase.FINISHED,
                protocol, suite, new String[] {"TLSv1.3", "TLSv1.2"}, new String[] {suite}, null, 999, null, null);
    }
}
