import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'sql2008r2-rtm')
