import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'weak-certificate-signature', pluginVersion, 1, 'error', "weak-certificate-signature (${target})"))
    assert log.contains(findingLine('error', 'weak-certificate-signature',
            String.format(FindingTexts.WEAK_SIGNATURE_JAVA, 'MD5withRSA')))
    assert log.contains('fix: ' + FindingTexts.FIX_WEAK_SIGNATURE)
    // the handshake rehearsal (the default): the real driver's handshake failed, and no LOGIN7 reached the server
    assert handshakesAndLogins(context) == [0, 0]
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
