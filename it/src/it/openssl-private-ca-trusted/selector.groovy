import static io.tlscompat.it.invoker.InvokerScenario.*

return hasOpenssl()
