package io.tlscompat.core.eval;

/**
 * Every user-facing finding message and fix, as format strings, so tests and the ITs assert the exact words.
 * Messages state what was detected on both sides; fixes say which side to change and how. The fixes are the one
 * wording for both the build gate and the java agent (whose diagnoses format them with what a failed handshake
 * shows), so a user sees the same advice from either.
 */
public final class FindingTexts {
    private FindingTexts() {
    }

    public static final String PROTOCOL_MISMATCH = "no common TLS version over %s: the client offers [%s], the server"
            + " accepts [%s]";
    public static final String FIX_PROTOCOL_SERVER_OLD = "Server side: install a SQL Server build with TLS 1.2 support"
            + " (KB3135244) and enable TLS 1.2 in Schannel. Stopgap on the client (weakens it): remove %s from"
            + " jdk.tls.disabledAlgorithms in the target JDK's conf/security/java.security.";
    public static final String FIX_PROTOCOL_CLIENT_OLD = "Client side: run on JDK 8 or later, or enable TLS 1.2 in"
            + " this client (JDK 7u95+: -Djdk.tls.client.protocols=TLSv1.2; mssql-jdbc 6.4+: sslProtocol=TLSv1.2);"
            + " or re-enable %s on the server.";
    public static final String FIX_PROTOCOL_SERVER_NONE = "Server side: the server completed no TLS handshake at all;"
            + " check its Schannel protocols (SCHANNEL\\Protocols), its cipher suites and its certificate.";
    public static final String FIX_PROTOCOL_WINDOWS = "Enable a common version on %s (SCHANNEL\\Protocols\\<version>"
            + "\\Client Enabled=1) or on the server (KB3135244).";
    public static final String FIX_PROTOCOL_NO_TDS8 = "The server does not accept TDS 8 (strict): use encrypt=true"
            + " (TDS 7.x), or move the server to SQL Server 2022+ with a certificate for strict encryption.";

    public static final String CIPHER_MISMATCH = "no common cipher suite for %s: the server accepts [%s], none of"
            + " the %d suites the client offers";
    public static final String FIX_CIPHER_TLS_RSA = "Server side: enable ECDHE suites such as"
            + " TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 (SSL Cipher Suite Order policy, Enable-TlsCipherSuite or IIS"
            + " Crypto). Stopgap on the client (weakens it): remove TLS_RSA_* from jdk.tls.disabledAlgorithms of the"
            + " target JDK.";
    public static final String FIX_CIPHER_GENERIC = "Server side: enable at least one suite this client offers, e.g."
            + " %s (SSL Cipher Suite Order policy, Enable-TlsCipherSuite or IIS Crypto); or client side: run on a JDK"
            + " that enables one of the server's suites.";

    public static final String WEAK_SIGNATURE_JAVA = "the server certificate is signed with %s, which this JDK"
            + " refuses (jdk.certpath.disabledAlgorithms / jdk.tls.disabledAlgorithms)";
    public static final String WEAK_SIGNATURE_WINDOWS = "the server certificate is signed with %s, which Windows"
            + " Schannel clients (%s) refuse for TLS 1.2";
    public static final String WEAK_SIGNATURE_WINDOWS_PEERS = "the server certificate is signed with %s: Java accepts"
            + " it, but Windows Schannel TLS 1.2 clients of this server refuse it (declare <clientProfiles> to check"
            + " them)";
    public static final String WEAK_SIGNATURE_BLOCKS_TLS12 = "the server certificate is CA-issued and signed with"
            + " %s, which Schannel cannot use with TLS 1.2, so the server accepts only %s while the client offers %s";
    public static final String FIX_WEAK_SIGNATURE = "Server side: give SQL Server a certificate signed with SHA-256"
            + " (SQL Server Configuration Manager > Protocols > Certificate; if SQL Server picked a weak certificate by"
            + " itself, remove its Server Authentication purpose) and restart the service.";

    public static final String DHE_RISK = "%s would be negotiated: Windows peers without the KB4557473 fix fail"
            + " intermittently with DHE ('forcibly closed', 'SQL Server returned an incomplete response')";
    public static final String FIX_DHE_RISK = "Server side: disable the TLS_DHE_* suites (Disable-TlsCipherSuite or"
            + " IIS Crypto) so ECDHE is chosen, or patch both ends (KB4557473; Windows Server 2012 R2 and older have no"
            + " fix). Client side: add DHE to jdk.tls.disabledAlgorithms of the target JDK.";

    public static final String DH_TOO_SMALL = "the server's DHE group has %d bits; this client accepts %d to %d bits";
    public static final String FIX_DH_TOO_SMALL = "Server side: use a DHE group of 2048 bits (SCHANNEL\\"
            + "KeyExchangeAlgorithms\\Diffie-Hellman ServerMinKeyBitLength) or disable TLS_DHE_* so ECDHE is chosen.";
    public static final String FIX_DH_TOO_LARGE = "Client side: run on JDK 8 or later (JDK 7 computes DH up to 1024"
            + " bits: 'Could not generate DH keypair'); or disable TLS_DHE_* on the server so ECDHE is chosen.";

    public static final String UNTRUSTED = "the server certificate (%s) is self-signed and no trust store is"
            + " configured; the driver validates it (%s) and will fail with 'PKIX path building failed'";
    public static final String FIX_UNTRUSTED = "Client side: import the server certificate into a trust store and add"
            + " trustStore=<path>;trustStorePassword=<...> to the URL (with encrypt=strict: serverCertificate=<path>);"
            + " trustServerCertificate=true only for development. Server side: install a certificate from a CA the"
            + " clients trust.";

    /** Untrusted after PKIX: the chain, the store the driver uses, and the JDK's reason. */
    public static final String UNTRUSTED_PKIX = "the server certificate (%s, issued by %s) does not chain to a"
            + " certificate of the trust store the driver uses, %s (%s): %s; the driver validates it (%s) and will"
            + " fail with 'PKIX path building failed'";
    /** Untrusted because the trust store cannot be loaded (wrong type or password; the password is never shown). */
    public static final String UNTRUSTED_STORE = "the trust store the driver uses, %s (%s), cannot be loaded as %s:"
            + " %s; the driver validates the certificate (%s) and will fail";
    public static final String FIX_UNTRUSTED_PKIX = "Client side: import the issuing CA's certificate into the trust"
            + " store named above, or point trustStore=<path>;trustStoreType=<type>;trustStorePassword=<...> at a"
            + " store that holds it (or -Djavax.net.ssl.trustStore for the whole JVM); trustServerCertificate=true"
            + " only for development. Server side: install a certificate from a CA the clients trust.";
    /** encrypt=strict with serverCertificate: the leaf is not the pinned certificate. */
    public static final String UNTRUSTED_PIN = "the server certificate (sha256 %s) is not the serverCertificate %s"
            + " the driver compares it with under encrypt=strict";
    public static final String FIX_UNTRUSTED_PIN = "Client side: export the server's current certificate to the"
            + " serverCertificate file, or drop serverCertificate to validate against a trust store.";

    /** A validating client meets a certificate that expires soon. */
    public static final String EXPIRING = "the server certificate expires at %s, in %d days (within the %d-day"
            + " warning); the driver validates it (%s), so connections will fail from then on";
    /** A non-validating client meets a certificate that expires soon. */
    public static final String EXPIRING_NOT_VALIDATED = "the server certificate expires at %s, in %d days (within"
            + " the %d-day warning); this client does not validate it, so it keeps connecting";
    public static final String FIX_EXPIRING = "Server side: renew the certificate before %s (SQL Server"
            + " Configuration Manager > Protocols > Certificate) and restart the service.";

    public static final String HOSTNAME_MISMATCH = "the server certificate names [%s] but the driver checks '%s'";
    public static final String FIX_HOSTNAME_MISMATCH = "Connect with a name the certificate carries, or add"
            + " hostNameInCertificate=<name in the certificate> to the URL; or reissue the certificate with '%s' as a"
            + " subject alternative name.";

    public static final String EXPIRED = "the server certificate is valid from %s to %s, not at %s; the driver"
            + " validates it (%s)";
    public static final String FIX_EXPIRED = "Server side: renew the certificate (SQL Server Configuration Manager >"
            + " Protocols > Certificate) and restart the service.";

    public static final String ENCRYPTION_NOT_SUPPORTED = "the client requires encryption (%s) but the server's PRELOGIN"
            + " answers ENCRYPT_NOT_SUP";
    public static final String FIX_ENCRYPTION_NOT_SUPPORTED = "Server side: give SQL Server a certificate and enable"
            + " encryption (Configuration Manager > Protocols > Force Encryption). Client side, only if an unencrypted"
            + " session is acceptable: encrypt=false (mssql-jdbc) or ssl=request (jTDS).";

    public static final String STRICT_REQUIRED = "the server accepts only TDS 8 (strict) connections and this client"
            + " speaks TDS 7.x";
    public static final String FIX_STRICT_CAPABLE = "Client side: add encrypt=strict to the URL (this mssql-jdbc"
            + " supports TDS 8).";
    public static final String FIX_STRICT_WINDOWS = "Client side: use a TDS 8 capable driver with Encrypt=Strict (ODBC"
            + " 18.1.2.1+, OLE DB 19.2.0+, Microsoft.Data.SqlClient 5.1+); or server side: turn off Force Strict"
            + " Encryption.";
    public static final String FIX_STRICT_UPGRADE = "Client side: upgrade to mssql-jdbc 11.2.0 or later and add"
            + " encrypt=strict to the URL; or server side: turn off Force Strict Encryption.";

    public static final String TLS13_OVER_TDS7 = "the client and the server would negotiate TLSv1.3 inside TDS 7.x"
            + " framing, which Microsoft says usually fails (mssql-jdbc issue #1524)";
    public static final String FIX_TLS13_OVER_TDS7 = "Client side: add sslProtocol=TLSv1.2 to the URL, or use"
            + " encrypt=strict (TDS 8, mssql-jdbc 11.2+); server side: disable TLS 1.3 for TDS 7.x clients.";

    public static final String LEGACY_PROTOCOL = "the handshake works but negotiates %s, below TLS 1.2";
    public static final String FIX_LEGACY_PROTOCOL = "Server side: install a SQL Server build with TLS 1.2 support"
            + " (KB3135244) and enable TLS 1.2 in Schannel; JDK 8u291, 11.0.11 and 16+ disable TLS 1.0/1.1 and the"
            + " next JDK update will break this connection.";

    public static final String UNREACHABLE = "cannot probe %s: %s";
    public static final String FIX_UNREACHABLE = "Check the host, port and firewall (named instances: give the port,"
            + " SQL Server Browser is not used); or evaluate offline with -Dtls-compat.serverProfile=<file written by"
            + " 'java -jar tls-compat-agent.jar probe --json host:port'>.";

    /** The observed failure's message; {@code %s} = what the agent saw, the driver's own message. */
    public static final String OBSERVED_FAILURE = "the rehearsal's handshake with the project's own driver failed:"
            + " %s; the driver said: %s";
    /** Used when the agent named no cause for the observed failure. */
    public static final String FIX_HANDSHAKE_FAILED = "Read the driver's message and the agent record in"
            + " target/tls-compat/rehearsal/; run the application with -javaagent:tls-compat-agent.jar for a"
            + " diagnosis with a probe of the server.";
    /** {@code %s} = the prediction, the observation. */
    public static final String PREDICTION_MISMATCH = "the prediction (%s) disagrees with the rehearsal (%s); the"
            + " observation is the verdict";
    public static final String FIX_PREDICTION_MISMATCH = "Nothing to change for this build; report the two sides"
            + " (report.json, 'rehearsals') so that the knowledge base can be fixed.";
    /** The observation value of a target whose handshake was not rehearsed. */
    public static final String NOT_OBSERVED = "predicted, not observed";
    /** The observation value of a rehearsed target. */
    public static final String OBSERVED = "observed";
}
