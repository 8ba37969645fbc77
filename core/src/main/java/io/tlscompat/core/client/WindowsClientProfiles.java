package io.tlscompat.core.client;

import io.tlscompat.core.kb.WindowsClient;

/**
 * The {@link ClientProfile} of a Windows consumer of the same server (ODBC, OLE DB, .NET over Schannel): TDS 7.x,
 * encryption as the server decides, no certificate validation judged (its trust store is not ours to see).
 */
public final class WindowsClientProfiles {
    private WindowsClientProfiles() {
    }

    /** The profile of a knowledge-base Windows client. */
    public static ClientProfile of(WindowsClient w) {
        return ClientProfile.builder(w.id(), ClientProfile.Kind.WINDOWS)
                .detail("source", w.source())
                .protocols(w.protocols())
                .suites(w.suites())
                .refusedCertificateHashesTls12(w.refusedCertificateHashesTls12())
                .dheLeadingZeroFixed(w.dheLeadingZeroFixed())
                .validation(CertificateValidation.NEVER)
                // Schannel's DH limits are not in the knowledge base: do not judge group sizes for Windows peers.
                .minDhBits(0)
                .maxDhBits(Integer.MAX_VALUE)
                .build();
    }
}
