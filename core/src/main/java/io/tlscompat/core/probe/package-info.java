/**
 * The TDS-aware TLS probe: {@link io.tlscompat.core.probe.TdsProbe} learns what TLS a SQL Server endpoint accepts on
 * both paths its clients use, TDS 7.x (PRELOGIN, then the TLS handshake inside TDS packets of type 0x12) and TDS 8
 * strict (TLS first, ALPN {@code tds/8.0}), and returns a {@link io.tlscompat.core.profile.ServerProfile}.
 *
 * <p>How: hand-made ClientHellos offering one version, every known suite, every signature scheme (MD5 and SHA-1
 * included) and the common groups; the server's first flight is read up to ServerHelloDone (TLS 1.2 and older) or
 * the ServerHello (TLS 1.3) and the connection is dropped, so no handshake completes and suites the local JDK has
 * disabled can still be tested. Bouncy Castle's TLS client runs one real TLS 1.3 handshake only when TLS 1.3 is all
 * the server speaks (its certificate and ALPN are encrypted).
 *
 * <p>Budget: (accepted suites + 1) connections per version and path, plus at most 1 PRELOGIN, at most 5 for the
 * ECDHE key groups (usually 3 or fewer), at most 1 TLS 1.3 handshake, and one hello per version only when the
 * server's choices cannot tell its own order from the client's. Resets, closes and alerts are answers: nothing is
 * retried. Every socket has connect and read timeouts and every read ends at the overall deadline.
 */
package io.tlscompat.core.probe;
