import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains(configurationError('config-bad-fail-on', pluginVersion, "<failOn> (tls-compat.failOn) is 'sometimes'; expected error, warning or never"))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
