import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'strict-encryption-required', pluginVersion, 1, 'error', "strict-encryption-required (${target})"))
    assert log.contains(findingLine('error', 'strict-encryption-required', FindingTexts.STRICT_REQUIRED))
    assert log.contains('fix: ' + FindingTexts.FIX_STRICT_CAPABLE)
    // the handshake rehearsal (the default): the real driver's handshake failed, and no LOGIN7 reached the server
    assert handshakesAndLogins(context) == [0, 0]
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
