/**
 * A SQL Server TLS front door that runs anywhere: {@link io.tlscompat.simulator.Simulator} answers PRELOGIN like
 * SQL Server, runs TLS inside TDS framing (TDS 7.x) or TLS first with ALPN {@code tds/8.0} (TDS 8) on Bouncy
 * Castle's TLS server, and answers LOGIN7 with "Login failed for user", which real drivers report as a login
 * failure: the proof that the handshake worked. {@link io.tlscompat.simulator.SimulatorProfiles} holds real
 * servers' postures; {@link io.tlscompat.simulator.SimulatorProfile#toBuilder()} overrides any knob;
 * {@link io.tlscompat.simulator.SimulatorMain} is the command line.
 */
package io.tlscompat.simulator;
