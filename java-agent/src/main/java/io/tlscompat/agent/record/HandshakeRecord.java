package io.tlscompat.agent.record;

import io.tlscompat.core.tls.CipherSuites;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One handshake as the agent saw it. Built on the handshake thread with raw facts only (strings, the exception and
 * the certificate object are kept as references); everything costly (certificate summary, diagnosis, JSON) happens
 * later on the writer thread. {@link #diagnose} and {@link #peerCertificate()} are only called there.
 */
public final class HandshakeRecord {
    /** {@code engine}: the TLS implementation that made the record; the agent hooks the JDK's JSSE only. */
    public static final String ENGINE_JDK = "jdk";
    /** {@code transport} of an {@code SSLSocket} handshake (JDBC drivers). */
    public static final String TRANSPORT_SOCKET = "socket";
    /** {@code transport} of an {@code SSLEngine} handshake (Netty: r2dbc-mssql, vertx-mssql-client; java.net.http). */
    public static final String TRANSPORT_ENGINE = "engine";

    private final long timeMillis;
    private final String thread;
    private final String peerHost;
    private final int peerPort;
    private final Outcome outcome;
    private final Phase phase;
    private final String protocol;
    private String cipherSuite;
    private int chosenSuiteCode = -1;
    private final List<String> offeredProtocols;
    private final List<String> offeredCipherSuites;
    private final Object certificateSource;
    private final long durationMicros;
    private final Throwable failure;
    private final JdbcContext jdbc;
    private final boolean prelogin;
    private String transport;
    private PeerCertificate peerCertificate;
    private boolean certificateResolved;
    private Diagnosis diagnosis;

    /**
     * @param certificateSource an {@link X509Certificate}, its DER bytes, or null
     */
    public HandshakeRecord(long timeMillis, String thread, String peerHost, int peerPort, Outcome outcome,
            Phase phase, String protocol, String cipherSuite, String[] offeredProtocols, String[] offeredCipherSuites,
            Object certificateSource, long durationMicros, Throwable failure, JdbcContext jdbc) {
        this(timeMillis, thread, peerHost, peerPort, outcome, phase, protocol, cipherSuite, offeredProtocols,
                offeredCipherSuites, certificateSource, durationMicros, failure, jdbc, false);
    }

    /**
     * @param prelogin true for a failure of mssql-jdbc's PRELOGIN exchange, before any TLS handshake started
     */
    public HandshakeRecord(long timeMillis, String thread, String peerHost, int peerPort, Outcome outcome,
            Phase phase, String protocol, String cipherSuite, String[] offeredProtocols, String[] offeredCipherSuites,
            Object certificateSource, long durationMicros, Throwable failure, JdbcContext jdbc, boolean prelogin) {
        this.prelogin = prelogin;
        this.timeMillis = timeMillis;
        this.thread = thread;
        this.peerHost = peerHost;
        this.peerPort = peerPort;
        this.outcome = outcome;
        this.phase = phase;
        this.protocol = protocol;
        this.cipherSuite = cipherSuite;
        this.offeredProtocols = list(offeredProtocols);
        this.offeredCipherSuites = list(offeredCipherSuites);
        this.certificateSource = certificateSource;
        this.durationMicros = durationMicros;
        this.failure = failure;
        this.jdbc = jdbc;
    }

    private static List<String> list(String[] values) {
        return values == null ? Collections.<String>emptyList() : Collections.unmodifiableList(Arrays.asList(values));
    }

    public long timeMillis() {
        return timeMillis;
    }

    public String thread() {
        return thread;
    }

    public String peerHost() {
        return peerHost;
    }

    public int peerPort() {
        return peerPort;
    }

    /** {@code host:port}, the key of every per-server counter. */
    public String server() {
        return peerHost + ":" + peerPort;
    }

    public Outcome outcome() {
        return outcome;
    }

    public Phase phase() {
        return phase;
    }

    public String protocol() {
        return protocol;
    }

    /** The negotiated suite, or for a failure after ServerHello the suite the server chose. */
    public String cipherSuite() {
        if (cipherSuite == null && chosenSuiteCode >= 0) {
            cipherSuite = CipherSuites.byCode(chosenSuiteCode).name();
        }
        return cipherSuite;
    }

    /** The ServerHello's suite code of a failed handshake (named lazily), -1 for none. */
    void chosenSuite(int code) {
        this.chosenSuiteCode = code;
    }

    /** {@link #TRANSPORT_SOCKET}, {@link #TRANSPORT_ENGINE}, or null for a PRELOGIN failure (no TLS yet). */
    public String transport() {
        return transport;
    }

    void transport(String value) {
        this.transport = value;
    }

    public List<String> offeredProtocols() {
        return offeredProtocols;
    }

    public List<String> offeredCipherSuites() {
        return offeredCipherSuites;
    }

    public long durationMicros() {
        return durationMicros;
    }

    public Throwable failure() {
        return failure;
    }

    public JdbcContext jdbc() {
        return jdbc;
    }

    /** True when the failure happened in the TDS PRELOGIN exchange, before TLS ({@code stage: "tds-prelogin"}). */
    public boolean isPrelogin() {
        return prelogin;
    }

    public Diagnosis diagnosis() {
        return diagnosis;
    }

    /** Set once by the writer thread. */
    public void diagnose(Diagnosis d) {
        this.diagnosis = d;
    }

    /** The leaf certificate summary, parsed lazily (writer thread). */
    public PeerCertificate peerCertificate() {
        if (!certificateResolved) {
            certificateResolved = true;
            if (certificateSource instanceof X509Certificate) {
                peerCertificate = PeerCertificate.summaryOf((X509Certificate) certificateSource);
            } else if (certificateSource instanceof byte[]) {
                peerCertificate = PeerCertificate.fromDer((byte[]) certificateSource);
            }
        }
        return peerCertificate;
    }

    /** All messages in the cause chain, lower-case, for the diagnosis rules. */
    public String failureText() {
        StringBuilder sb = new StringBuilder();
        Throwable t = failure;
        for (int i = 0; t != null && i < 16; i++, t = t.getCause()) {
            sb.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The JSON Lines object; keys are a public contract (see the issue), new keys may be added. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("time", isoTime(timeMillis));
        m.put("thread", thread);
        m.put("peerHost", peerHost);
        m.put("peerPort", peerPort);
        m.put("outcome", outcome.value());
        m.put("phase", phase == null ? null : phase.value());
        m.put("protocol", protocol);
        m.put("cipherSuite", cipherSuite());
        m.put("offeredProtocols", offeredProtocols);
        m.put("offeredCipherSuites", offeredCipherSuites);
        PeerCertificate pc = peerCertificate();
        m.put("peerCertificate", pc == null ? null : pc.toJson());
        m.put("durationMicros", durationMicros);
        m.put("exception", exceptionJson(failure));
        m.put("jdbc", jdbc == null ? null : jdbc.toJson());
        m.put("diagnosis", diagnosis == null ? null : diagnosis.toJson());
        m.put("stage", prelogin ? "tds-prelogin" : "tls-handshake");
        m.put("engine", ENGINE_JDK);
        m.put("transport", transport);
        return m;
    }

    static Map<String, Object> exceptionJson(Throwable failure) {
        if (failure == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<String, Object>();
        m.put("class", failure.getClass().getName());
        m.put("message", failure.getMessage());
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            Map<String, Object> c = new LinkedHashMap<String, Object>();
            c.put("class", cause.getClass().getName());
            c.put("message", cause.getMessage());
            m.put("cause", c);
        }
        return m;
    }

    static String isoTime(long millis) {
        return IsoTime.format(millis);
    }
}
