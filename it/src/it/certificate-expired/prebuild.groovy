import static io.tlscompat.it.invoker.InvokerScenario.*
import io.tlscompat.simulator.*

simulatorTrusted(basedir, context, SimulatorProfiles.named('sql2019-win2019').toBuilder().expiredCertificate().build())
