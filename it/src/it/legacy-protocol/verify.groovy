import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains('[WARNING] ' + findingLine('warning', 'legacy-protocol',
            String.format(FindingTexts.LEGACY_PROTOCOL, 'TLSv1')))
    assert log.contains('verdict warn.')
    // a <targetJavaVersion> from the knowledge base cannot be run: predicted, not observed, so no handshake and no LOGIN7
    assert log.contains(': ' + FindingTexts.NOT_OBSERVED + ': the rehearsal runs a real JDK')
    assert handshakesAndLogins(context) == [0, 0]
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
