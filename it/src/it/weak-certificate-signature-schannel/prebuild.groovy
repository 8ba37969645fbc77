import static io.tlscompat.it.invoker.InvokerScenario.*

simulator(basedir, context, 'md5-cert')
