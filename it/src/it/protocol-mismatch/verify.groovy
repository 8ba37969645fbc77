import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'protocol-mismatch', pluginVersion, 1, 'error', "protocol-mismatch (${target})"))
    assert log.contains('[ERROR] ' + findingLine('error', 'protocol-mismatch', String.format(
            FindingTexts.PROTOCOL_MISMATCH, 'TDS 7.x', 'TLSv1.3, TLSv1.2', 'TLSv1')))
    assert log.contains('[ERROR]     fix: ' + String.format(FindingTexts.FIX_PROTOCOL_SERVER_OLD, 'TLSv1'))
    // the default handshake rehearsal saw the real driver fail too: no handshake completed, no LOGIN7
    assert log.contains("[INFO] rehearsal ${target}: predicted no handshake; observed handshake failed (")
    assert log.contains('agrees: true')
    assert handshakesAndLogins(context) == [0, 0]
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
