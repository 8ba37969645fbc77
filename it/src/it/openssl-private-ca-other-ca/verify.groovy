import io.tlscompat.core.client.TrustStoreSelection
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'openssl-private-ca-other-ca', pluginVersion, 1, 'error',
            "certificate-untrusted (${target})"))
    assert log.contains("other-truststore.jks (${TrustStoreSelection.FROM_URL})")
    for (name in ['report.json', 'summary.md', 'report.sarif', 'TEST-tls-compat.xml']) {
        assert report(basedir, name).contains('certificate-untrusted')
    }
    // the store's password is never printed (the URL names none; the report says so)
    assert report(basedir, 'report.json').contains('"passwordGiven": false')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
