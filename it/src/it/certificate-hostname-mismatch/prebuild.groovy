import static io.tlscompat.it.invoker.InvokerScenario.*

simulatorTrusted(basedir, context, 'sql2019-win2019')
