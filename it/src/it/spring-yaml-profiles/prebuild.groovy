import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'sql2019-win2019')
anotherSimulator(basedir, context, 'sql2008r2-rtm', 'sim2.port')
