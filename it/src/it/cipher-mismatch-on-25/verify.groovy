import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'cipher-mismatch-on-25', pluginVersion, 1, 'error', "cipher-mismatch (${target})"))
    assert log.contains('[ERROR]     fix: ' + FindingTexts.FIX_CIPHER_TLS_RSA)
    assert log.contains('read by running the target JDK')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
