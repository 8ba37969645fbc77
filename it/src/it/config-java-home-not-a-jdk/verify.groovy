import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains(configurationError('config-java-home-not-a-jdk', pluginVersion, "<targetJavaHome> (tls-compat.targetJavaHome) is '${new File(basedir, 'not-a-jdk')}', which is not a JDK (no executable bin/java); expected the home directory of a JDK or JRE, e.g. /usr/lib/jvm/temurin-25-jdk-amd64"))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
