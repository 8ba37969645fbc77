import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    // trusted and in date, but within the 30-day warning: a warning, and the build passes (failOn=error)
    assert log.contains('  warning certificate-expiring: the server certificate expires at ')
    assert log.contains('(within the 30-day warning); the driver validates it')
    assert log.contains('verdict warn.')
    for (name in ['report.json', 'summary.md', 'report.sarif', 'TEST-tls-compat.xml']) {
        assert report(basedir, name).contains('certificate-expiring')
    }
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
