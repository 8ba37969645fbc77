import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains('predicted: TDS 7.x, TLSv1.2, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384')
    assert log.contains('verdict pass.')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
