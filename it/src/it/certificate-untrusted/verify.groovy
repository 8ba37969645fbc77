import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    // A self-signed fallback certificate fails trust and, once trusted, the host name: both are reported.
    assert log.contains(violation(basedir, 'certificate-untrusted', pluginVersion, 2, 'error',
            "certificate-untrusted (${target}), certificate-hostname-mismatch (${target})"))
    assert log.contains(findingLine('error', 'certificate-untrusted', String.format(FindingTexts.UNTRUSTED,
            'CN=SSL_Self_Signed_Fallback', 'encryption requested without trustServerCertificate=true')))
    assert log.contains('fix: ' + FindingTexts.FIX_UNTRUSTED)
    // the handshake rehearsal (the default): the real driver's handshake failed, and no LOGIN7 reached the server
    assert handshakesAndLogins(context) == [0, 0]
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
