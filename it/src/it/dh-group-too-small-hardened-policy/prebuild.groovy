import static io.tlscompat.it.invoker.InvokerScenario.*
import io.tlscompat.it.support.HardenedDhScenario

// The application's hardened java.security, which <targetJvmOptions> points at.
HardenedDhScenario.writePolicy(basedir.toPath())
// Windows' 1024-bit DHE group (the leading-zero bug switched off: this scenario is about the group's size).
simulator(basedir, context, HardenedDhScenario.server())
