import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    def java = System.getProperty('java.version')
    assert !log.contains('error dh-group-too-small')
    assert log.contains('verdict warn.')
} finally {
    stop(context)
}
