import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'openssl-windows-2012r2-cipher-mismatch', pluginVersion, 1, 'error', "cipher-mismatch (${target})"))
    assert log.contains("[INFO] ${target} — windows-server-2019: PASS")
    assert log.contains("[ERROR] ${target} — windows-server-2012r2: FAIL")
    assert log.contains('predicted: TDS 7.x, TLSv1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
