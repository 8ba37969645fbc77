import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    def java = System.getProperty('java.version')
    assert log.contains(configurationError('config-bad-fail-on', pluginVersion, "<failOn> (tls-compat.failOn) is 'sometimes'; expected error, warning or never"))
} finally {
    stop(context)
}
