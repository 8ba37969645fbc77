import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains('verdict pass.')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
