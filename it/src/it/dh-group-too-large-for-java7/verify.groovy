import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains('error dh-group-too-small: the server\'s DHE group has ')
    assert log.contains('fix: ' + FindingTexts.FIX_DH_TOO_LARGE)
    assert log.contains("dh-group-too-small (${target})")
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
