package io.tlscompat.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlscompat.core.profile.ProtocolSupport;
import io.tlscompat.core.profile.ServerProfile;
import io.tlscompat.core.tds.EncryptionLevel;
import io.tlscompat.core.tds.SqlServerVersion;
import io.tlscompat.core.tls.TlsVersion;

import org.junit.jupiter.api.Test;

/** The probe against the JDK's real TLS server: raw (TDS 8 path) and behind a TDS front door (TDS 7.x path). */
class TdsProbeJdkPeerTest {
    private static final String[] TLS12_SUITES = {
        "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
        "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"};
    private static final String[] WITH_TLS13 = {
        "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"};

    /** The issue's budget: (accepted suites + 1) per version per path, plus a small constant of 6. */
    static int issueBudget(ServerProfile p) {
        int budget = 6;
        for (io.tlscompat.core.profile.PathProfile path : java.util.Arrays.asList(p.tds7(), p.tds8())) {
            for (TlsVersion v : TlsVersion.values()) {
                ProtocolSupport s = path.protocols().get(v);
                budget += (s == null ? 0 : s.cipherSuites().size()) + 1;
            }
        }
        return budget;
    }

    private static ProbeSettings settings(boolean tds7, boolean tds8) {
        return ProbeSettings.builder().tds7(tds7).tds8(tds8).deadlineMillis(15000).build();
    }

    @Test
    void rawTlsServerIsTds8OnlyWithItsSuitesInServerOrderAndAlpnSelected() throws Exception {
        try (JdkTlsServer server = new JdkTlsServer(new String[] {"TLSv1.2", "TLSv1.3"}, WITH_TLS13, true, true)) {
            ServerProfile p = new TdsProbe(settings(true, true)).probe("127.0.0.1", server.port());

            assertThat(p.target()).isEqualTo("127.0.0.1:" + server.port());
            assertThat(p.prelogin()).isNull();
            assertThat(p.tds7().supported()).isFalse();
            assertThat(p.tds8().supported()).isTrue();
            assertThat(p.tds8().alpn()).isEqualTo("tds/8.0");
            assertThat(p.tds8().protocols().keySet()).containsExactly(TlsVersion.TLSv1_2, TlsVersion.TLSv1_3);
            ProtocolSupport tls12 = p.tds8().protocols().get(TlsVersion.TLSv1_2);
            assertThat(tls12.cipherSuites()).containsExactly("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(tls12.serverOrder()).isTrue();
            assertThat(p.tds8().protocols().get(TlsVersion.TLSv1_3).cipherSuites())
                    .containsExactly("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256");
            assertThat(p.certificate().subject()).isEqualTo("CN=db.test,O=tls-compat test");
            assertThat(p.certificate().subjectAltNames()).containsExactly("db.test", "127.0.0.1");
            assertThat(p.certificate().signatureAlgorithm()).isEqualTo("SHA256withRSA");
            assertThat(p.certificate().keySize()).isEqualTo(2048);
            assertThat(p.ecdheGroups()).contains("x25519", "secp256r1");
            assertThat(p.rejection()).isEqualTo("alert:protocol_version");
            assertThat(p.connections()).isLessThanOrEqualTo(issueBudget(p));
        }
    }

    @Test
    void tls13OnlyServerGivesCertificateAndAlpnThroughOneBouncyCastleHandshake() throws Exception {
        try (JdkTlsServer server = new JdkTlsServer(new String[] {"TLSv1.3"}, null, false, true)) {
            ServerProfile p = new TdsProbe(settings(false, true)).probe("127.0.0.1", server.port());

            assertThat(p.tds8().protocols().keySet()).containsExactly(TlsVersion.TLSv1_3);
            assertThat(p.tds8().alpn()).isEqualTo("tds/8.0");
            assertThat(p.certificate()).isNotNull();
            assertThat(p.certificate().sha256Fingerprint()).isNotEmpty();
            assertThat(p.ecdheGroups()).contains("x25519");
        }
    }

    @Test
    void serverThatIgnoresAlpnReportsNoAlpn() throws Exception {
        try (JdkTlsServer server = new JdkTlsServer(new String[] {"TLSv1.2"}, TLS12_SUITES, true, false)) {
            ServerProfile p = new TdsProbe(settings(false, true)).probe("127.0.0.1", server.port());

            assertThat(p.tds8().supported()).isTrue();
            assertThat(p.tds8().alpn()).isNull();
        }
    }

    @Test
    void tds7PathThroughFrontDoorReportsPreloginSuitesOrderDheAndBudget() throws Exception {
        try (JdkTlsServer tls = new JdkTlsServer(new String[] {"TLSv1.2"}, TLS12_SUITES, true, false);
                TdsFrontDoor door = new TdsFrontDoor(tls.port(), SqlServerVersion.parse("13.0.5026"),
                        EncryptionLevel.ON)) {
            ServerProfile p = new TdsProbe(settings(true, false)).probe("localhost", door.port());

            assertThat(p.prelogin().version()).isEqualTo(SqlServerVersion.parse("13.0.5026"));
            assertThat(p.prelogin().product()).isEqualTo("SQL Server 2016");
            assertThat(p.prelogin().encryption()).isEqualTo(EncryptionLevel.ON);
            assertThat(p.tds7().supported()).isTrue();
            assertThat(p.tds7().protocols().keySet()).containsExactly(TlsVersion.TLSv1_2);
            ProtocolSupport tls12 = p.tds7().protocols().get(TlsVersion.TLSv1_2);
            assertThat(tls12.cipherSuites()).containsExactly(TLS12_SUITES);
            assertThat(tls12.serverOrder()).isTrue();
            assertThat(p.dheGroupBits()).isGreaterThanOrEqualTo(2048);
            assertThat(p.certificate().subject()).startsWith("CN=db.test");
            assertThat(p.tds8().supported()).isFalse();
            assertThat(p.connections()).isLessThanOrEqualTo(issueBudget(p));
        }
    }

    @Test
    void tls13InsideTdsPacketsGetsItsCertificateFromTheBouncyCastleHandshake() throws Exception {
        try (JdkTlsServer tls = new JdkTlsServer(new String[] {"TLSv1.3"}, null, true, false);
                TdsFrontDoor door = new TdsFrontDoor(tls.port(), SqlServerVersion.parse("16.0.4003"),
                        EncryptionLevel.ON)) {
            ServerProfile p = new TdsProbe(settings(true, false)).probe("127.0.0.1", door.port());

            assertThat(p.tds7().protocols().keySet()).containsExactly(TlsVersion.TLSv1_3);
            assertThat(p.certificate()).isNotNull();
            assertThat(p.certificate().sha256Fingerprint()).isEqualTo(io.tlscompat.core.cert.CertificateParser
                    .parse(tls.issued.certificate.getEncoded()).sha256Fingerprint());
            assertThat(p.tds8().supported()).isFalse();
        }
    }

    @Test
    void serverTlsBytesInTabularResultPacketsAreAcceptedLikeJtdsDoes() throws Exception {
        try (JdkTlsServer tls = new JdkTlsServer(new String[] {"TLSv1.2"}, TLS12_SUITES, true, false);
                TdsFrontDoor door = new TdsFrontDoor(tls.port(), SqlServerVersion.parse("14.0.1000"),
                        EncryptionLevel.REQ, io.tlscompat.core.tds.TdsPacketType.TABULAR_RESULT)) {
            ServerProfile p = new TdsProbe(settings(true, false)).probe("127.0.0.1", door.port());

            assertThat(p.prelogin().encryption()).isEqualTo(EncryptionLevel.REQ);
            assertThat(p.tds7().protocols().get(TlsVersion.TLSv1_2).cipherSuites()).containsExactly(TLS12_SUITES);
        }
    }

    @Test
    void clientOrderServerIsReportedAsClientOrder() throws Exception {
        try (JdkTlsServer tls = new JdkTlsServer(new String[] {"TLSv1.2"}, TLS12_SUITES, false, false)) {
            ServerProfile p = new TdsProbe(settings(false, true)).probe("127.0.0.1", tls.port());

            ProtocolSupport tls12 = p.tds8().protocols().get(TlsVersion.TLSv1_2);
            assertThat(tls12.serverOrder()).isFalse();
            assertThat(tls12.cipherSuites()).containsExactlyInAnyOrder(TLS12_SUITES);
            // Client order is listed by value, so two probes of the same server print the same list.
            assertThat(tls12.cipherSuites()).containsExactly("TLS_RSA_WITH_AES_128_CBC_SHA",
                    "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
                    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(p.connections()).isLessThanOrEqualTo(issueBudget(p));
        }
    }

    @Test
    void encryptionNotSupportedMeansTds7WithoutTls() throws Exception {
        try (TdsFrontDoor door = new TdsFrontDoor(JdkTlsServer.freePort(), SqlServerVersion.parse("10.50.1600"),
                EncryptionLevel.NOT_SUP)) {
            long start = System.nanoTime();
            ServerProfile p = new TdsProbe(settings(true, true)).probe("127.0.0.1", door.port());

            // No read timeout was waited out: the raw ClientHellos are long enough to be refused at once.
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
            assertThat(p.prelogin().encryption()).isEqualTo(EncryptionLevel.NOT_SUP);
            assertThat(p.prelogin().product()).isEqualTo("SQL Server 2008 R2");
            assertThat(p.tds7().supported()).isTrue();
            assertThat(p.tds7().protocols()).isEmpty();
            assertThat(p.certificate()).isNull();
            assertThat(p.tds8().supported()).isFalse();
            // The front door drops the raw ClientHellos as bad TDS: that is not a TLS rejection style.
            assertThat(p.rejection()).isNull();
            assertThat(p.connections()).isEqualTo(1 + TlsVersion.values().length);
        }
    }

    @Test
    void ipv6TargetIsBracketed() throws Exception {
        int port = JdkTlsServer.freePort();
        ProbeException e = org.assertj.core.api.Assertions.catchThrowableOfType(ProbeException.class,
                () -> new TdsProbe(settings(false, true)).probe("::1", port));
        // Nobody listens there (or IPv6 is off): unreachable either way, and the target is named unambiguously.
        assertThat(e.getMessage()).startsWith("cannot connect to [::1]:" + port + ": ");
    }

    @Test
    void listenerHearsEveryPathAndVersion() throws Exception {
        java.util.List<String> events = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        ProbeListener listener = new ProbeListener() {
            @Override
            public void onPathStarted(String path) {
                events.add("start " + path);
            }

            @Override
            public void onProtocolDone(String path, TlsVersion v, int accepted, long elapsed) {
                events.add(path + " " + v + " " + accepted);
            }
        };
        try (JdkTlsServer server = new JdkTlsServer(new String[] {"TLSv1.2"}, TLS12_SUITES, true, false)) {
            new TdsProbe(settings(false, true).toBuilder().listener(listener).build()).probe("127.0.0.1",
                    server.port());
        }
        assertThat(events).contains("start tds8", "tds8 TLSv1.2 4", "tds8 TLSv1 0", "tds8 SSLv3 0");
        assertThat(events).hasSize(6);
    }
}
