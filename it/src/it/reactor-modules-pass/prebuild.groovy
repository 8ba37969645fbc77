import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'sql2019-win2019')
mavenOption(basedir, "-Dtls-compat.url=jdbc:sqlserver://${target(context)};trustServerCertificate=true")
