import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    def target = target(context)
    assert log.contains('[INFO] Also found io.r2dbc:r2dbc-mssql:1.0.2.RELEASE')
    assert log.contains("[INFO] Target r2dbc:mssql://app:***@${target}/orders?ssl=true&trustStorePassword=*** from src/main/resources/application.yml:3")
    assert log.contains(violation(basedir, 'r2dbc-mssql-url', pluginVersion, 2, 'error',
            "certificate-untrusted (${target}), certificate-hostname-mismatch (${target})"))
    def files = reportsAndLog(basedir)
    assert files.size() >= 5
    for (f in files) {
        def text = f.toFile().getText('UTF-8')
        for (secret in ['userinfo-secret-1', 'store-secret-2', 'key-secret-3']) {
            assert !text.contains(secret) : "${secret} in ${f}"
        }
    }
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
