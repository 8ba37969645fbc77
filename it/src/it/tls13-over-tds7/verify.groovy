import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'tls13-over-tds7', pluginVersion, 1, 'error', "tls13-over-tds7 (${target})"))
    assert log.contains(findingLine('error', 'tls13-over-tds7', FindingTexts.TLS13_OVER_TDS7))
    assert log.contains('fix: ' + FindingTexts.FIX_TLS13_OVER_TDS7)
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
