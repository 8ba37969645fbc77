import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains("[INFO] Target jdbc:sqlserver://${target};encrypt=true;password=*** from src/main/resources/application.yml:6")
    assert !log.contains('topsecret')
    assert log.contains(violation(basedir, 'spring-boot-yml', pluginVersion, 2, 'error',
            "certificate-untrusted (${target}), certificate-hostname-mismatch (${target})"))
    def sarif = report(basedir, 'report.sarif')
    assert sarif.contains('"uri": "src/main/resources/application.yml"')
    assert sarif.contains('"startLine": 6')
    assert !sarif.contains('topsecret')
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
