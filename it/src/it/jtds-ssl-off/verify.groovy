import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    assert report(basedir, 'report.json').contains('jTDS ssl=off does no TLS at all')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
