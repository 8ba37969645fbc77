import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'dh-group-too-small-hardened-policy', pluginVersion, 1, 'error', "dh-group-too-small (${target})"))
    assert log.contains('[ERROR] ' + findingLine('error', 'dh-group-too-small', String.format(
            FindingTexts.DH_TOO_SMALL, 1024, 2048, 8192)))
    assert log.contains('[ERROR]     fix: ' + FindingTexts.FIX_DH_TOO_SMALL)
    assert log.contains('started with -Djava.security.properties=' + new File(basedir, 'hardened.security'))
    assert log.contains("[INFO] rehearsal ${target}: predicted no handshake; observed handshake failed (")
    assert log.contains('agrees: true')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
