import static io.tlscompat.it.invoker.InvokerScenario.*

return hasTemurin25()
