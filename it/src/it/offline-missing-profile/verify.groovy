import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains(configurationError('offline-missing-profile', pluginVersion, "<serverProfile> (tls-compat.serverProfile) is '${new File(basedir, 'nope.json')}', which does not exist; expected a file written by 'java -jar tls-compat-agent.jar probe --json host:port'"))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
