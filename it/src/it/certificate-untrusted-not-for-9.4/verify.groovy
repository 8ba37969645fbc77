import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    def java = System.getProperty('java.version')
    assert !log.contains('error certificate-untrusted')
    assert log.contains("[INFO] ${target} — mssql-jdbc 9.4.1.jre11 on Java ${java}: PASS")
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
