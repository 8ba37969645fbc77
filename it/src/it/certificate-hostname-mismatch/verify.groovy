import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'certificate-hostname-mismatch', pluginVersion, 1, 'error', "certificate-hostname-mismatch (${target})"))
    assert log.contains(findingLine('error', 'certificate-hostname-mismatch', String.format(
            FindingTexts.HOSTNAME_MISMATCH, 'SSL_Self_Signed_Fallback', 'localhost')))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
