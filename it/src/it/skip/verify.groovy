import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains('[INFO] Skipping tls-compat:verify because property tls-compat.skip is set.')
    assert !new File(basedir, 'target/tls-compat').exists()
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
