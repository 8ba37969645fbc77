import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def a = target(context)
    def b = context.get('sim2.port')
    assert log.contains('[INFO] Skipping tls-compat:verify in reactor-modules-fail: no SQL Server client among its dependencies and no target.')
    assert log.contains('[INFO] Skipping tls-compat:verify in lib: no SQL Server client among its dependencies and no target.')
    assert log.contains("[INFO] Target jdbc:sqlserver://${a};trustServerCertificate=true from src/main/resources/application.properties:1")
    assert log.contains("[INFO] Target jdbc:sqlserver://${b};trustServerCertificate=true from src/main/resources/application.yml:3")
    // app-a is checked and passes; app-b fails, and the build fails once, in the last module.
    assert log.contains('[INFO] tls-compat:verify: 1 target(s) checked, verdict pass.')
    def summary = new File(basedir, 'target/tls-compat/summary.md')
    assert log.contains(String.format(FAILURE_PREFIX, pluginVersion, 'app-b')
            + "tls-compat:verify failed in 1 module(s): app-b: protocol-mismatch (${b}). Read ${summary}.")
    assert (log =~ /Failed to execute goal/).count == 1
    def md = summary.getText('UTF-8')
    assert md.contains("| app-a | ${a} | mssql-jdbc 13.2.1.jre11 on Java ${System.getProperty('java.version')} | pass |")
    assert md.contains("| app-b | ${b} |")
    assert md.contains('- **app-b** fails: protocol-mismatch')
    assert !md.contains('| lib |')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
