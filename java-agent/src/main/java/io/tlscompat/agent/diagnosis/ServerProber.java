package io.tlscompat.agent.diagnosis;

import io.tlscompat.core.profile.ServerProfile;

/** Probes one server's TLS profile (core's TdsProbe in production; a fixed profile in tests). */
public interface ServerProber {
    ServerProfile probe(String host, int port) throws Exception;
}
