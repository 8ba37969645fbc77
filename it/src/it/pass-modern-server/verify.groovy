import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    def java = System.getProperty('java.version')
    assert log.contains("[INFO] ${target} — mssql-jdbc 13.2.1.jre11 on Java ${java}: PASS")
    assert log.contains('[INFO] tls-compat:verify: 1 target(s) checked, verdict pass.')
    // rehearse defaults to handshake: the real driver completed one handshake, and no LOGIN7 reached the server
    assert log.contains("[INFO] rehearsal ${target}: predicted handshake ")
    assert handshakesAndLogins(context) == [1, 0]
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
