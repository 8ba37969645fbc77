import static io.tlscompat.it.invoker.InvokerScenario.*

silentBrowser(basedir, context)
