package io.chargebase.domain.charging.lifecycle;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.chargebase.domain.charging.ChargerEvents.AuthorizationStatus;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.SessionStatus;

/**
 * Charging: the charger started it and the platform accepted it. Its charger stops it, or, when it has said nothing
 * about it past the finish timeout, the platform finishes it from its last reading. (A "suspected stale" mark on an
 * active session is no state of its own: the session stays active so that a late StopTransaction still stops it.)
 */
public record Active(ChargingSession session, long version) implements SessionState {

    /** The stop reason of a session the platform finished; the charger's own reason replaces it if its StopTransaction comes. */
    public static final String FINISHED_AFTER_INACTIVITY = "FinishedAfterInactivity";

    /** The charger started a transaction with no pending session for it, and the platform accepted it. */
    public static Transition begin(NewSession who, StartFacts start) {
        ChargingSession next = SessionValues.started(who, start, SessionStatus.ACTIVE, AuthorizationStatus.ACCEPTED, null);
        return new Transition(new Active(next, 0), new Transition.Insert(),
                List.of(new SessionEvent.Began(next.id(), next.chargePointId(), start.reservationId(), next.idTag(), start.receivedAt())));
    }

    /** The charger stopped it: finished and rated, or incomplete (the meter ran backwards) and not rated. */
    public Transition stop(StopFacts stop) {
        ChargingSession next = SessionValues.chargerStopped(session, stop);
        return new Transition(SessionState.ended(next, version + 1), new Transition.Stop(version),
                next.ratingError() == null ? List.of(new SessionEvent.Rate(next.id())) : List.of());
    }

    /**
     * The platform finishes it after inactivity, from its last reading: the newest energy register reading
     * ({@code registerWh}, else the latest energy sample), never below the start, at the time of the newest sample
     * (the start when it sent none, or only older ones). No stop is received, which is how a late one knows to correct it.
     * {@code timeout}: how long it has been silent at least (the tenant's finish timeout), for the record.
     */
    public Transition finishAfterInactivity(BigDecimal registerWh, Duration timeout) {
        long start = session.meterStartWh() == null ? 0 : session.meterStartWh();
        BigDecimal last = registerWh != null ? registerWh : session.latestEnergyWh();
        long meterStop = last == null ? start : Math.max(start, last.longValue());
        Instant stoppedAt = session.latestSampleAt() == null || session.latestSampleAt().isBefore(session.startedAt()) ? session.startedAt()
                : session.latestSampleAt();
        ChargingSession next = SessionValues.stopped(session, SessionStatus.FINISHED, meterStop, stoppedAt, FINISHED_AFTER_INACTIVITY, false, null,
                SessionValues.noEvse(session), null);
        List<SessionEvent> events = new ArrayList<>(List.of(new SessionEvent.InactivityFinished(next.id(), timeout, meterStop, stoppedAt)));
        if (next.ratingError() == null) {
            events.add(new SessionEvent.Rate(next.id()));
        }
        return new Transition(new FinishedAfterInactivity(next, version + 1), new Transition.Stop(version), events);
    }
}
