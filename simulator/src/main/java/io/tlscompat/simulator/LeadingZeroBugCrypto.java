package io.tlscompat.simulator;

import org.bouncycastle.crypto.agreement.DHBasicAgreement;
import org.bouncycastle.crypto.params.DHPrivateKeyParameters;
import org.bouncycastle.crypto.params.DHPublicKeyParameters;
import org.bouncycastle.tls.crypto.TlsDHConfig;
import org.bouncycastle.tls.crypto.TlsDHDomain;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsDHDomain;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsSecret;
import org.bouncycastle.util.BigIntegers;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bouncy Castle's light-weight TLS crypto with the Windows DHE leading-zero bug (KB4557473) switched in.
 *
 * <p>Extension point (BC 1.84): {@code BcTlsDH.calculateSecret()} calls the overridable instance method
 * {@code BcTlsDHDomain.calculateDHAgreement(private, public)}; the domain comes from
 * {@code BcTlsCrypto.createDHDomain}. BC builds the domain with {@code isPadded} = TLS 1.3, i.e. it strips leading
 * zeros in TLS 1.0-1.2 as RFC 5246 8.1.2 requires. The buggy domain keeps them (pads to the length of p), which is
 * what an unpatched Schannel does.
 */
final class LeadingZeroBugCrypto extends BcTlsCrypto {
    private final DheBug mode;
    private final AtomicInteger wrongSecrets = new AtomicInteger();

    LeadingZeroBugCrypto(DheBug mode) {
        super(new SecureRandom());
        this.mode = mode;
    }

    /** How many DHE handshakes computed a premaster secret different from the RFC one. */
    int wrongSecrets() {
        return wrongSecrets.get();
    }

    @Override
    public TlsDHDomain createDHDomain(TlsDHConfig dhConfig) {
        if (mode == DheBug.NEVER || dhConfig.isPadded()) {
            // TLS 1.3 pads by definition, so the bug cannot show there.
            return super.createDHDomain(dhConfig);
        }
        return new BuggyDomain(this, dhConfig);
    }

    private final class BuggyDomain extends BcTlsDHDomain {
        BuggyDomain(BcTlsCrypto crypto, TlsDHConfig config) {
            super(crypto, config);
        }

        @Override
        public BcTlsSecret calculateDHAgreement(DHPrivateKeyParameters privateKey, DHPublicKeyParameters publicKey) {
            DHBasicAgreement agreement = new DHBasicAgreement();
            agreement.init(privateKey);
            BigInteger z = agreement.calculateAgreement(publicKey);
            int pLength = BigIntegers.getUnsignedByteLength(privateKey.getParameters().getP());
            byte[] stripped = BigIntegers.asUnsignedByteArray(z);
            byte[] buggy;
            if (mode == DheBug.ALWAYS) {
                // One zero byte more than the padded form: never equal to the stripped RFC value.
                buggy = new byte[pLength + 1];
                System.arraycopy(stripped, 0, buggy, buggy.length - stripped.length, stripped.length);
            } else {
                buggy = BigIntegers.asUnsignedByteArray(pLength, z);
            }
            if (buggy.length != stripped.length) {
                wrongSecrets.incrementAndGet();
            }
            return new BcTlsSecret(crypto, buggy);
        }
    }
}
