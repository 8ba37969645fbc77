import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = '127.0.0.1:' + target(context).split(':')[1]
    // mssql-jdbc 12.10 compares the CN and the DNS SANs only: the IP-address SAN 127.0.0.1 does not count.
    assert log.contains(violation(basedir, 'openssl-private-ca-ip-12', pluginVersion, 1, 'error',
            "certificate-hostname-mismatch (${target})"))
    assert log.contains(findingLine('error', 'certificate-hostname-mismatch', String.format(
            FindingTexts.HOSTNAME_MISMATCH, 'localhost', '127.0.0.1')))
    for (name in ['report.json', 'summary.md', 'report.sarif', 'TEST-tls-compat.xml']) {
        assert report(basedir, name).contains('certificate-hostname-mismatch')
    }
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
