import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'openssl-protocol-mismatch', pluginVersion, 1, 'error', "protocol-mismatch (${target})"))
    assert log.contains(findingLine('error', 'protocol-mismatch', String.format(
            FindingTexts.PROTOCOL_MISMATCH, 'TDS 7.x', 'TLSv1.3, TLSv1.2', 'TLSv1')))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
