import io.tlscompat.core.browser.InstancePort
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    def port = target.substring(target.lastIndexOf(':') + 1) as int
    def java = System.getProperty('java.version')
    def resolved = String.format(InstancePort.RESOLVED, 'SQLEXPRESS', port, 'localhost')
    assert log.count("[INFO] ${resolved}") == 1
    assert log.count("[INFO] ${target} — mssql-jdbc 13.2.1.jre11 on Java ${java}: PASS") == 1
    assert log.contains('[INFO] tls-compat:verify: 1 target(s) checked, verdict pass.')
    assert report(basedir, 'report.json').contains('from the SQL Server Browser on localhost')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
