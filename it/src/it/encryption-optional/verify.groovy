import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert !log.contains('error encryption-not-supported')
    assert log.contains('verdict pass.')
    // no TLS at all: a handshake rehearsal would let the login travel, so the target is predicted, not observed
    assert log.contains(': ' + FindingTexts.NOT_OBSERVED + ': the connection uses no TLS')
    assert handshakesAndLogins(context) == [0, 0]
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
