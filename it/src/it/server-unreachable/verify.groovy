import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'server-unreachable', pluginVersion, 1, 'error', "server-unreachable (${target})"))
    assert log.contains("error server-unreachable: cannot probe ${target}: ")
    assert log.contains('fix: ' + FindingTexts.FIX_UNREACHABLE)
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
