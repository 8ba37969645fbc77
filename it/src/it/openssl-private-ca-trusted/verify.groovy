import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains('verdict pass.')
    assert !report(basedir, 'report.json').contains('certificate-')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
