import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains('predicted: TDS 8 (strict), TLSv1.3')
    assert log.contains('verdict pass.')
    // the handshake rehearsal (the default): the real driver completed one handshake, and no LOGIN7 reached the server
    assert handshakesAndLogins(context) == [1, 0]
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
