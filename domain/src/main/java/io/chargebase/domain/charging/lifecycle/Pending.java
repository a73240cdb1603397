package io.chargebase.domain.charging.lifecycle;

import java.time.Instant;
import java.util.List;

import io.chargebase.domain.charging.ChargingSession;

/** Waits for the car: the driver swiped first, or a remote start was accepted. The charger starts it, or the fail-start timeout fails it. */
public record Pending(ChargingSession session, long version) implements SessionState {

    /** The stop reason of a session that waited for the car past the fail-start timeout. */
    public static final String FAIL_START = "FailStart";

    /** A new session waiting for the car. */
    public static Transition awaitCar(NewSession who) {
        return new Transition(new Pending(SessionValues.pending(who), 0), new Transition.Insert(), List.of());
    }

    /** The charger started the transaction, and the platform accepted it. */
    public Transition start(StartFacts start) {
        ChargingSession next = SessionValues.started(session, start);
        return new Transition(new Active(next, version + 1), new Transition.Start(version, start.reservationId()),
                List.of(new SessionEvent.Began(next.id(), next.chargePointId(), start.reservationId(), next.idTag(), start.receivedAt())));
    }

    /**
     * The car never came. The sweeper applies this set-wise, one statement for all sessions past the timeout
     * ({@code SessionRows.failPending}), with the same values and version step.
     */
    public Transition failStart(Instant now) {
        return new Transition(new Failed(SessionValues.failedToStart(session, FAIL_START, now), version + 1), new Transition.Stop(version),
                List.of());
    }
}
