import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains(configurationError('config-unknown-client-profile', pluginVersion, "<clientProfiles> (tls-compat.clientProfiles) contains 'windows-xp'; expected any of windows-server-2012r2, windows-server-2016, windows-server-2019, windows-server-2022"))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
