import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    def java = System.getProperty('java.version')
    assert log.contains(violation(basedir, 'jtds-protocol-mismatch', pluginVersion, 1, 'error', "protocol-mismatch (${target})"))
    assert log.contains('[INFO] Driver: net.sourceforge.jtds:jtds:1.3.1')
    assert log.contains("jtds 1.3.1 on Java ${java}: FAIL")
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
