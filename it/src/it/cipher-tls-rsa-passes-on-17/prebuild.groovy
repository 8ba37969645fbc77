import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'rsa-only-hardened')
