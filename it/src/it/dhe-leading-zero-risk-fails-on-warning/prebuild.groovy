import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'dhe-only-win2012r2')
