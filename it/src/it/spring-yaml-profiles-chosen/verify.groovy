import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def dev = target(context)
    def prod = context.get('sim2.port')
    assert log.contains('[INFO] Spring profiles checked: [dev]')
    assert log.contains("[INFO] Target jdbc:sqlserver://${dev};trustServerCertificate=true from src/main/resources/application.yml:9 (profile dev)")
    assert !log.contains(prod)
    assert log.contains('[INFO] tls-compat:verify: 1 target(s) checked, verdict pass.')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
