package io.tlscompat.agent.diagnosis;

import io.tlscompat.agent.record.Diagnosis;
import io.tlscompat.agent.record.HandshakeRecord;
import io.tlscompat.agent.record.Outcome;
import io.tlscompat.core.profile.ServerProfile;

/**
 * Decides each record's diagnosis in order: the record's own words, the DHE counters, then (for an early drop
 * the record cannot name) the gate's engine on a probe profile of the server ({@link HandshakeJudge}), falling back
 * to the record-only guess when there is no profile. A socket the application closed itself ({@code closed-locally})
 * gets none of these. Writer thread only.
 */
public final class Diagnostician {
    private final RecordDiagnoser recordDiagnoser;
    private final DheCounters dhe = new DheCounters();
    private final ProbeScheduler probes;
    private final HandshakeJudge judge;

    /**
     * @param judge  the gate's engine for this JVM, shared with {@code recordDiagnoser}
     * @param probes null when probing is off
     */
    public Diagnostician(RecordDiagnoser recordDiagnoser, HandshakeJudge judge, ProbeScheduler probes) {
        this.recordDiagnoser = recordDiagnoser;
        this.judge = judge;
        this.probes = probes;
    }

    /**
     * Sets the record's diagnosis, or parks it for a probe.
     *
     * @return true when the record is ready to be written now, false when it was parked (it comes back through the
     *     probe callback and {@link #afterProbe})
     */
    public boolean diagnose(HandshakeRecord r) {
        if (r.outcome() == Outcome.CLOSED_LOCALLY) {
            // The application closed its own socket: nothing to say about the server, nothing to probe or count.
            r.diagnose(null);
            return true;
        }
        Diagnosis d = recordDiagnoser.diagnose(r);
        Diagnosis counters = dhe.observe(r);
        if (d == null) {
            d = counters;
        }
        // An engine that never learnt its peer (getPeerHost() null, port -1) has no server to probe.
        boolean probeable = probes != null && r.peerHost() != null && r.peerPort() > 0;
        if (d == null && RecordDiagnoser.isEarlyDrop(r) && probeable) {
            ServerProfile cached = probes.freshProfile(r.server());
            if (cached != null) {
                d = judge.judge(r, cached);
            } else if (probes.submit(r) == ProbeScheduler.Result.PARKED) {
                return false;
            } else {
                cached = probes.freshProfile(r.server());
                d = cached == null ? null : judge.judge(r, cached);
            }
        }
        if (d == null) {
            d = recordDiagnoser.guessBeforeServerHello(r);
        }
        r.diagnose(d);
        return true;
    }

    /** Diagnoses a parked record once its server's probe ended (profile null when the probe failed). */
    public void afterProbe(HandshakeRecord r, ServerProfile profile) {
        Diagnosis d = profile == null ? null : judge.judge(r, profile);
        if (d == null) {
            d = recordDiagnoser.guessBeforeServerHello(r);
        }
        r.diagnose(d);
    }

    public DheCounters dheCounters() {
        return dhe;
    }
}
