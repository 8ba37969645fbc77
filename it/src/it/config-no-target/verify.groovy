import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains(configurationError('config-no-target', pluginVersion, "No SQL Server target: set <targets><target>jdbc:sqlserver://host:1433</target></targets> in the plugin configuration, pass -Dtls-compat.url=jdbc:sqlserver://host:1433, or put spring.datasource.url in src/main/resources/application*.properties|yml"))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
