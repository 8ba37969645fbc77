import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'no-encryption')
