package io.tlscompat.core.kb;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Windows (Schannel) client of the same SQL Server, e.g. an ODBC or .NET application on Windows Server 2012 R2:
 * its TDS 7.x protocols and suites, the certificate hashes it refuses for TLS 1.2, and whether it has the
 * DHE leading-zero fix (KB4557473).
 */
public final class WindowsClient {
    private final String id;
    private final List<String> protocols;
    private final List<String> suites;
    private final List<String> refusedCertificateHashesTls12;
    private final boolean dheLeadingZeroFixed;
    private final String source;

    WindowsClient(String id, List<String> protocols, List<String> suites, List<String> refusedCertificateHashesTls12,
            boolean dheLeadingZeroFixed, String source) {
        this.id = id;
        this.protocols = Collections.unmodifiableList(new ArrayList<>(protocols));
        this.suites = Collections.unmodifiableList(new ArrayList<>(suites));
        this.refusedCertificateHashesTls12 = Collections.unmodifiableList(new ArrayList<>(refusedCertificateHashesTls12));
        this.dheLeadingZeroFixed = dheLeadingZeroFixed;
        this.source = source;
    }

    /** E.g. {@code windows-server-2012r2}. */
    public String id() {
        return id;
    }

    public List<String> protocols() {
        return protocols;
    }

    public List<String> suites() {
        return suites;
    }

    /** Hash names (MD5, SHA224, SHA512) whose certificate signatures Schannel refuses in TLS 1.2. */
    public List<String> refusedCertificateHashesTls12() {
        return refusedCertificateHashesTls12;
    }

    public boolean dheLeadingZeroFixed() {
        return dheLeadingZeroFixed;
    }

    public String source() {
        return source;
    }
}
