import io.tlscompat.core.client.TrustStoreSelection
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    // A CA-issued chain the JDK's cacerts cannot anchor: PKIX fails, as it does for the real driver
    // (PrivateCaPredictionMatchesRealDriverIT). The names match, so trust is the only finding.
    assert log.contains(violation(basedir, 'openssl-private-ca-untrusted', pluginVersion, 1, 'error',
            "certificate-untrusted (${target})"))
    assert log.contains(findingLine('error', 'certificate-untrusted', 'the server certificate (CN=localhost, issued'
            + ' by CN=tls-compat-it-ca) does not chain to a certificate of the trust store the driver uses, '))
    assert log.contains("(${TrustStoreSelection.FROM_JDK})")
    for (name in ['report.json', 'summary.md', 'report.sarif', 'TEST-tls-compat.xml']) {
        assert report(basedir, name).contains('certificate-untrusted')
    }
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
