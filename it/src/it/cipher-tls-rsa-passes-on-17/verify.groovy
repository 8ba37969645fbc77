import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains('predicted: TDS 7.x, TLSv1.2, TLS_RSA_WITH_AES_256_GCM_SHA384')
    assert log.contains('verdict pass.')
    // the handshake rehearsal (the default): the real driver completed one handshake, and no LOGIN7 reached the server
    assert handshakesAndLogins(context) == [1, 0]
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
