import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains(configurationError('config-malformed-url', pluginVersion, "<url> (tls-compat.url) is invalid: 'jdbc:mysql://db:3306;password=***' is not a SQL Server JDBC URL; expected jdbc:sqlserver://host[\\instance][:port][;property=value...] or jdbc:jtds:sqlserver://host[:port][/database][;property=value...]"))
    assert !log.contains('hunter2')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
