import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'weak-certificate-signature-schannel', pluginVersion, 1, 'error', "weak-certificate-signature (${target})"))
    assert log.contains('[ERROR] ' + findingLine('error', 'weak-certificate-signature', String.format(
            FindingTexts.WEAK_SIGNATURE_BLOCKS_TLS12, 'MD5withRSA', 'TLSv1.1, TLSv1', 'TLSv1.3, TLSv1.2')))
    assert log.contains('[ERROR]     fix: ' + FindingTexts.FIX_WEAK_SIGNATURE)
    assert !log.contains('protocol-mismatch')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
