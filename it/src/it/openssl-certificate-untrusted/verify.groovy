import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'openssl-certificate-untrusted', pluginVersion, 2, 'error',
            "certificate-untrusted (${target}), certificate-hostname-mismatch (${target})"))
    assert log.contains(findingLine('error', 'certificate-untrusted', String.format(FindingTexts.UNTRUSTED,
            'CN=self.example.test', 'encryption requested without trustServerCertificate=true')))
    assert log.contains(findingLine('error', 'certificate-hostname-mismatch', String.format(
            FindingTexts.HOSTNAME_MISMATCH, 'self.example.test', 'localhost')))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
