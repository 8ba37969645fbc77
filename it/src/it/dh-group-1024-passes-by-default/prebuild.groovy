import static io.tlscompat.it.invoker.InvokerScenario.*
import io.tlscompat.simulator.*

// Windows' 1024-bit DHE group (the leading-zero bug switched off: this scenario is about the group's size).
simulator(basedir, context, SimulatorProfiles.named('dhe-only-win2012r2').toBuilder().name('dhe1024')
        .dheGroupBits(1024).dheBug(DheBug.NEVER).build())
