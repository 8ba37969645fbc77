package io.tlscompat.core.eval;

import io.tlscompat.core.finding.FindingCode;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Names the cause of a handshake the server really dropped right after the ClientHello (or a PRELOGIN it refused),
 * from the {@link Evaluator}'s evaluation of the client that really made it: the first error that can end a
 * handshake that early. When the evaluation names none, model and observation disagree, and the result says so
 * ({@code handshake-failed}) instead of guessing. The one rule for the agent's diagnosis and the gate's reading of
 * its rehearsal.
 */
public final class EarlyDropCause {
    /** {@code %1$s} = server, {@code %2$s} = how the handshake ended, {@code %3$s} = what the model expected. */
    public static final String MODEL_DISAGREES = "the handshake with %1$s ended with %2$s, but the gate's model of"
            + " this client against the server's probe profile predicts %3$s";
    /** The remediation of a disagreement. */
    public static final String FIX_MODEL_DISAGREES = "Report the record with 'java -jar tls-compat-agent.jar probe"
            + " --json <server>' so that the knowledge base can be fixed; meanwhile read the exception: the server may"
            + " have dropped the connection for a reason TLS does not show (overload, a firewall, a restart).";
    /** How the model's success reads in {@link #MODEL_DISAGREES}. */
    public static final String PREDICTS_SUCCESS = "a successful handshake";

    /**
     * Causes that can make a server drop the handshake right after the ClientHello: the framing, the versions, the
     * suites, and a certificate the server will not use with what the client accepts. The rest (trust, host name,
     * dates, the DH group, TLS 1.3 inside TDS 7.x) end the handshake later, on the client's side.
     */
    private static final Set<FindingCode> AFTER_CLIENT_HELLO = Collections.unmodifiableSet(EnumSet.of(
            FindingCode.STRICT_ENCRYPTION_REQUIRED, FindingCode.ENCRYPTION_NOT_SUPPORTED,
            FindingCode.PROTOCOL_MISMATCH, FindingCode.CIPHER_MISMATCH, FindingCode.WEAK_CERTIFICATE_SIGNATURE));
    /** Causes that end the exchange in the PRELOGIN, before any TLS. */
    private static final Set<FindingCode> IN_PRELOGIN = Collections.unmodifiableSet(EnumSet.of(
            FindingCode.STRICT_ENCRYPTION_REQUIRED, FindingCode.ENCRYPTION_NOT_SUPPORTED));

    private EarlyDropCause() {
    }

    /**
     * @param e        the evaluation of the client as it really was (its real offer) against the probed server
     * @param prelogin true when the drop came in the PRELOGIN, before TLS
     * @param ended    how the handshake ended, in words, e.g. "reset after client-hello-sent"
     * @return the cause as the gate words it, or a {@code handshake-failed} finding saying what the model predicted
     */
    public static Finding of(Evaluation e, boolean prelogin, String ended) {
        Finding firstError = null;
        for (Finding f : e.findings()) {
            if (f.severity() != Severity.ERROR) {
                continue;
            }
            if (firstError == null) {
                firstError = f;
            }
            if ((prelogin ? IN_PRELOGIN : AFTER_CLIENT_HELLO).contains(f.code())) {
                return f;
            }
        }
        String predicted = firstError == null ? PREDICTS_SUCCESS : firstError.code().code();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("ended", ended);
        evidence.put("modelPredicts", predicted);
        return new Finding(FindingCode.HANDSHAKE_FAILED, Severity.ERROR, e.target(), e.client().name(),
                String.format(MODEL_DISAGREES, e.target(), ended, predicted), FIX_MODEL_DISAGREES, evidence,
                Finding.Subject.SERVER);
    }
}
