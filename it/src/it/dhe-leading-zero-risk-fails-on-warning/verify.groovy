import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'dhe-leading-zero-risk-fails-on-warning', pluginVersion, 1, 'warning', "dhe-leading-zero-risk (${target})"))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
