import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains(violation(basedir, 'openssl-dhe-leading-zero-risk', pluginVersion, 1, 'warning', "dhe-leading-zero-risk (${target})"))
    assert log.contains(findingLine('warning', 'dhe-leading-zero-risk', String.format(
            FindingTexts.DHE_RISK, 'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384')))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
