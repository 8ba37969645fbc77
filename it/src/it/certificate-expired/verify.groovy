import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'certificate-expired', pluginVersion, 1, 'error', "certificate-expired (${target})"))
    assert log.contains('error certificate-expired: the server certificate is valid from ')
    assert log.contains('fix: ' + FindingTexts.FIX_EXPIRED)
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
