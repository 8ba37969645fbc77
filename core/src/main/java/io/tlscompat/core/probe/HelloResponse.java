package io.tlscompat.core.probe;

import io.tlscompat.core.tls.TlsVersion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What one ClientHello got back. Immutable. */
final class HelloResponse {
    /** The broad answer. */
    enum Kind {
        /** The server chose the offered version and one of the offered suites. */
        ACCEPTED,
        /** The server answered with a ServerHello for another version than the one offered. */
        OTHER_VERSION,
        /** The server refused: see {@link #rejection()} ("reset", "close", "alert:name"). */
        REJECTED,
        /** The server did not answer within the read timeout. */
        NO_ANSWER,
        /** The server answered with bytes that are not TLS; {@link #rejection()} holds the one-line reason. */
        NOT_TLS
    }

    /** Rejection: the peer reset the connection (TCP RST). */
    static final String RESET = "reset";
    /** Rejection: the peer closed the connection (TCP FIN) without a word. */
    static final String CLOSE = "close";
    /** Rejection prefix for a TLS alert, followed by its IANA name. */
    static final String ALERT_PREFIX = "alert:";

    private final Kind kind;
    private final TlsVersion version;
    private final int cipherSuite;
    private final String alpn;
    private final List<byte[]> certificates;
    private final Integer dheBits;
    private final Integer namedGroup;
    private final String rejection;
    private final String flaw;

    private HelloResponse(Kind kind, TlsVersion version, int cipherSuite, String alpn, List<byte[]> certificates,
            Integer dheBits, Integer namedGroup, String rejection) {
        this(kind, version, cipherSuite, alpn, certificates, dheBits, namedGroup, rejection, null);
    }

    private HelloResponse(Kind kind, TlsVersion version, int cipherSuite, String alpn, List<byte[]> certificates,
            Integer dheBits, Integer namedGroup, String rejection, String flaw) {
        this.flaw = flaw;
        this.kind = kind;
        this.version = version;
        this.cipherSuite = cipherSuite;
        this.alpn = alpn;
        this.certificates = Collections.unmodifiableList(new ArrayList<>(certificates));
        this.dheBits = dheBits;
        this.namedGroup = namedGroup;
        this.rejection = rejection;
    }

    static HelloResponse accepted(TlsVersion version, int cipherSuite, String alpn, List<byte[]> certificates,
            Integer dheBits, Integer namedGroup) {
        return accepted(version, cipherSuite, alpn, certificates, dheBits, namedGroup, null);
    }

    /** @param flaw why the flight after the ServerHello could not be read to its end (a parse error), or null */
    static HelloResponse accepted(TlsVersion version, int cipherSuite, String alpn, List<byte[]> certificates,
            Integer dheBits, Integer namedGroup, String flaw) {
        return new HelloResponse(Kind.ACCEPTED, version, cipherSuite, alpn, certificates, dheBits, namedGroup, null,
                flaw);
    }

    /**
     * Why the answer was malformed TLS: after an accepted ServerHello (e.g. its Certificate message), or in TLS records
     * that could not be read as a ServerHello; null when it was well-formed or not TLS at all.
     */
    String flaw() {
        return flaw;
    }

    static HelloResponse otherVersion(TlsVersion version) {
        return new HelloResponse(Kind.OTHER_VERSION, version, -1, null, Collections.<byte[]>emptyList(), null, null,
                null);
    }

    static HelloResponse rejected(String rejection) {
        return new HelloResponse(Kind.REJECTED, null, -1, null, Collections.<byte[]>emptyList(), null, null,
                rejection);
    }

    static HelloResponse notTls(String detail) {
        return new HelloResponse(Kind.NOT_TLS, null, -1, null, Collections.<byte[]>emptyList(), null, null, detail);
    }

    /** The server spoke TLS records but their content is malformed; the reason is both rejection and flaw. */
    static HelloResponse malformedTls(String detail) {
        return new HelloResponse(Kind.NOT_TLS, null, -1, null, Collections.<byte[]>emptyList(), null, null, detail,
                detail);
    }

    static HelloResponse noAnswer() {
        return new HelloResponse(Kind.NO_ANSWER, null, -1, null, Collections.<byte[]>emptyList(), null, null, null);
    }

    Kind kind() {
        return kind;
    }

    boolean isAccepted() {
        return kind == Kind.ACCEPTED;
    }

    /** The version the server answered with (null when it refused, or answered an unknown version). */
    TlsVersion version() {
        return version;
    }

    /** The chosen suite's value, or -1. */
    int cipherSuite() {
        return cipherSuite;
    }

    String alpn() {
        return alpn;
    }

    /** The server's certificate chain as DER, leaf first (TLS 1.2 and older only: TLS 1.3 encrypts it). */
    List<byte[]> certificates() {
        return certificates;
    }

    /** The DHE prime's size in bits when the server sent DHE parameters, else null. */
    Integer dheBits() {
        return dheBits;
    }

    /** The ECDHE named curve (ServerKeyExchange) or TLS 1.3 key-share group, else null. */
    Integer namedGroup() {
        return namedGroup;
    }

    /** "reset", "close" or "alert:&lt;name&gt;" when rejected; the reason when not TLS; else null. */
    String rejection() {
        return rejection;
    }

    @Override
    public String toString() {
        return kind + (version != null ? " " + version : "") + (cipherSuite >= 0 ? String.format(" 0x%04X", cipherSuite)
                : "") + (rejection != null ? " " + rejection : "");
    }
}
