import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'sql2022-force-strict')
