import static io.tlscompat.it.invoker.InvokerScenario.*

savedProfile(basedir, context, 'sql2008r2-rtm', 'sql2008r2.json')
