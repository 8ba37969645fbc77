import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    def java = System.getProperty('java.version')
    assert log.contains('started with -Djdk.tls.client.protocols=TLSv1.2,TLSv1.3')
    assert log.contains('verdict pass.')
} finally {
    stop(context)
}
