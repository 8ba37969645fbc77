import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains(configurationError('config-unknown-java-version', pluginVersion, "<targetJavaVersion> (tls-compat.targetJavaVersion) is '13', which the knowledge base does not know; expected one of 1.7.0_80, 1.8.0_202, 1.8.0_291, 11.0.10, 11.0.11, 17, 17.0.15, 21, 24, 25, or set <targetJavaHome> to that JDK"))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
