import static io.tlscompat.it.invoker.InvokerScenario.*
import io.tlscompat.simulator.*

// Schannel's own reset of TLS 1.2 is switched off so that the JDK's refusal is what decides.
simulator(basedir, context, SimulatorProfiles.named('md5-cert').toBuilder().schannelRejectsWeakCertificate(false).build())
