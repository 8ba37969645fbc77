import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains('[WARNING] ' + findingLine('warning', 'legacy-protocol',
            String.format(FindingTexts.LEGACY_PROTOCOL, 'TLSv1')))
    assert log.contains('verdict warn.')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
