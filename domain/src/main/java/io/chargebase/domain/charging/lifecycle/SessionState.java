package io.chargebase.domain.charging.lifecycle;

import java.util.UUID;

import io.chargebase.domain.charging.ChargingSession;

/**
 * A session in one of its states, with the version of its row as loaded: a save writes only over that version, so a
 * writer that lost a race learns it instead of overwriting. The stored status alone does not name the state: a FAILED
 * row is still {@link Refused} while the charger owes its StopTransaction, a FINISHED row is {@link Orphan},
 * {@link Incomplete} or {@link FinishedAfterInactivity} by what else it records ({@link #of}).
 */
public sealed interface SessionState permits Pending, Active, Refused, Failed, Finished, FinishedAfterInactivity, Incomplete, Orphan {

    ChargingSession session();

    long version();

    default UUID id() {
        return session().id();
    }

    /**
     * The state of a stored session. {@code finishedByPlatform}: the platform finished it after inactivity and no
     * StopTransaction has corrected it yet.
     */
    static SessionState of(ChargingSession session, long version, boolean finishedByPlatform) {
        return switch (session.status()) {
            case PENDING -> new Pending(session, version);
            case ACTIVE -> new Active(session, version);
            case FAILED -> session.transactionId() != null && session.stopReceivedAt() == null ? new Refused(session, version)
                    : new Failed(session, version);
            case FINISHED -> session.transactionId() == null ? new Orphan(session, version)
                    : session.stopReceivedAt() == null && finishedByPlatform ? new FinishedAfterInactivity(session, version)
                    : ended(session, version);
        };
    }

    /** What a charger's StopTransaction does to a session in this state; empty when nothing (a replay, or nothing to stop). */
    static java.util.Optional<Transition> onStop(SessionState state, StopFacts stop) {
        return switch (state) {
            case Active active -> java.util.Optional.of(active.stop(stop));
            case Refused refused -> java.util.Optional.of(refused.stop(stop));
            case FinishedAfterInactivity finished -> java.util.Optional.of(finished.correct(stop));
            case Pending pending -> java.util.Optional.empty();
            case Failed failed -> java.util.Optional.empty();
            case Finished finished -> java.util.Optional.empty();
            case Incomplete incomplete -> java.util.Optional.empty();
            case Orphan orphan -> java.util.Optional.empty();
        };
    }

    /** A finished session: incomplete when its data does not add up, else finished. */
    static SessionState ended(ChargingSession session, long version) {
        return session.incomplete() ? new Incomplete(session, version) : new Finished(session, version);
    }
}
