import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def dev = target(context)
    def prod = context.get('sim2.port')
    assert log.contains('[INFO] Spring profiles checked: all found, [dev, prod]')
    assert log.contains("[INFO] Target jdbc:sqlserver://${dev};trustServerCertificate=true from src/main/resources/application.yml:9 (profile dev)")
    assert log.contains("[INFO] Target jdbc:sqlserver://${prod};trustServerCertificate=true from src/main/resources/application.yml:15 (profile prod)")
    assert log.contains("[INFO] ${dev} — mssql-jdbc 13.2.1.jre11 on Java ${System.getProperty('java.version')}: PASS")
    assert log.contains(violation(basedir, 'spring-yaml-profiles', pluginVersion, 1, 'error', "protocol-mismatch (${prod})"))
    def sarif = report(basedir, 'report.sarif')
    assert sarif.contains('"uri": "src/main/resources/application.yml"')
    assert sarif.contains('"startLine": 15')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
