import static io.tlscompat.it.invoker.InvokerScenario.*

nothingListening(basedir, context)
