import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert !log.contains('error dh-group-too-small')
    assert log.contains('verdict warn.')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
