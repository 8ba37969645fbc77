import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains('started with -Djdk.tls.client.protocols=TLSv1.2,TLSv1.3')
    assert log.contains('verdict pass.')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
