import static io.tlscompat.it.invoker.InvokerScenario.*

simulatorTrusted(basedir, context, 'sql2022-force-strict')
