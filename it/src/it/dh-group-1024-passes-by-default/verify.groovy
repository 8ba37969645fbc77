import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert !log.contains('error dh-group-too-small')
    assert log.contains('verdict warn.')
    // the handshake rehearsal (the default): the real driver completed one handshake, and no LOGIN7 reached the server
    assert handshakesAndLogins(context) == [1, 0]
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
