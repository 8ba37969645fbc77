import static io.tlscompat.it.invoker.InvokerScenario.*

try {
    def log = buildLog(basedir)
    assert log.contains(configurationError('config-bad-jvm-option', pluginVersion, "<targetJvmOptions> (tls-compat.targetJvmOptions) has '-Xmx1g', which is not a -Dname=value system property; only system properties change the TLS client, e.g. -Djava.security.properties=/etc/app/java.security or -Djdk.tls.client.protocols=TLSv1.2"))
    assertRehearsalsSentNoLogin(basedir, context)
} finally {
    stop(context)
}
