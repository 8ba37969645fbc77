import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains('[WARNING]   warning dhe-leading-zero-risk: TLS_DHE_RSA_WITH_')
    assert log.contains('fix: ' + FindingTexts.FIX_DHE_RISK)
    assert log.contains('verdict warn.')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
