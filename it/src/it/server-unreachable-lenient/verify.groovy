import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains("[WARNING]   warning server-unreachable: cannot probe ${target}")
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
