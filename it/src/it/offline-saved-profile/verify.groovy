import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'offline-saved-profile', pluginVersion, 1, 'error', "protocol-mismatch (${target})"))
    assert log.contains("[INFO] Server ${target}: saved profile ${new File(basedir, 'sql2008r2.json')} (not probed)")
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
