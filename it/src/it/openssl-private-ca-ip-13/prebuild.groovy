import static io.tlscompat.it.invoker.InvokerScenario.*

opensslPrivateCaRelay(basedir, context, 365)
