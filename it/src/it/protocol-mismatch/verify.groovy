import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'protocol-mismatch', pluginVersion, 1, 'error', "protocol-mismatch (${target})"))
    assert log.contains('[ERROR] ' + findingLine('error', 'protocol-mismatch', String.format(
            FindingTexts.PROTOCOL_MISMATCH, 'TDS 7.x', 'TLSv1.3, TLSv1.2', 'TLSv1')))
    assert log.contains('[ERROR]     fix: ' + String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, 'TLSv1'))
} finally {
    stop(context)
}
