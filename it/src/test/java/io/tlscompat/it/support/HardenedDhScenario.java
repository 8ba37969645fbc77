package io.tlscompat.it.support;

import io.tlscompat.simulator.DheBug;
import io.tlscompat.simulator.SimulatorProfile;
import io.tlscompat.simulator.SimulatorProfiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

/**
 * The {@code dh-group-too-small} scenario on a modern JDK, shared by the agent ITs and the gate's invoker projects:
 * Windows' 1024-bit DHE group against an organisation's hardened {@code java.security} raising the DH minimum to
 * 2048 bits.
 */
public final class HardenedDhScenario {
    /** JDK 17's {@code jdk.tls.disabledAlgorithms} with {@code DH keySize < 1024} raised to 2048. */
    public static final String DISABLED_ALGORITHMS = "SSLv3, TLSv1, TLSv1.1, RC4, DES, MD5withRSA, DH keySize < 2048,"
            + " EC keySize < 224, 3DES_EDE_CBC, anon, NULL";
    /** The file name {@link #writePolicy} uses. */
    public static final String POLICY_FILE = "hardened.security";

    private HardenedDhScenario() {
    }

    /** A DHE-only Windows Server 2012 R2 posture serving a 1024-bit group, the leading-zero bug switched off. */
    public static SimulatorProfile server() {
        return SimulatorProfiles.named("dhe-only-win2012r2").toBuilder().name("dhe1024")
                .dheGroupBits(1024).dheBug(DheBug.NEVER).build();
    }

    /** Writes the hardened security properties file into {@code dir}, for {@code -Djava.security.properties=}. */
    public static Path writePolicy(Path dir) throws IOException {
        return Files.write(dir.resolve(POLICY_FILE),
                Collections.singletonList("jdk.tls.disabledAlgorithms=" + DISABLED_ALGORITHMS));
    }
}
