import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def port = target(context).split(':')[1]
    assert log.contains("[INFO] Target jdbc:sqlserver://localhost:${port};trustServerCertificate=true from src/main/resources/application.properties:1")
    assert log.contains("[INFO] Target jdbc:sqlserver://127.0.0.1:${port};trustServerCertificate=true from src/main/resources/application.properties:2")
    assert log.contains(configurationError('config-placeholders', pluginVersion,
            'src/main/resources/application.properties:3: ${REPORTING_HOST_NOT_DEFINED} in reporting.url cannot be resolved; set the environment variable or -D property REPORTING_HOST_NOT_DEFINED, or give a default: ${REPORTING_HOST_NOT_DEFINED:value}'))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
