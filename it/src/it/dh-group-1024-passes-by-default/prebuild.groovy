import static io.tlscompat.it.invoker.InvokerScenario.*
import io.tlscompat.it.support.HardenedDhScenario

// Windows' 1024-bit DHE group (the leading-zero bug switched off: this scenario is about the group's size).
simulator(basedir, context, HardenedDhScenario.server())
