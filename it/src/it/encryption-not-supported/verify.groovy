import io.tlscompat.core.eval.FindingTexts
import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    def java = System.getProperty('java.version')
    assert log.contains(violation(basedir, 'encryption-not-supported', pluginVersion, 1, 'error', "encryption-not-supported (${target})"))
    assert log.contains(findingLine('error', 'encryption-not-supported', String.format(
            FindingTexts.ENCRYPTION_NOT_SUPPORTED, "mssql-jdbc 13.2.1.jre11 on Java ${java}")))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
