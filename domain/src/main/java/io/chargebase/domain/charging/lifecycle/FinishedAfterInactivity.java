package io.chargebase.domain.charging.lifecycle;

import java.util.ArrayList;
import java.util.List;

import io.chargebase.domain.charging.ChargingSession;

/**
 * Finished by the platform after inactivity, from its last reading, and rated; no StopTransaction received yet. The
 * charger's stop that still comes corrects it: its CDR is rated again as a new MSP version instead of a second bill.
 */
public record FinishedAfterInactivity(ChargingSession session, long version) implements SessionState {

    /** The charger's late stop: the session ends as the charger says, and is rated again unless it cannot be. */
    public Transition correct(StopFacts stop) {
        ChargingSession next = SessionValues.chargerStopped(session, stop);
        List<SessionEvent> events = new ArrayList<>(List.of(new SessionEvent.InactivityCorrected(next.id())));
        if (next.ratingError() == null) {
            events.add(new SessionEvent.Rerate(next.id()));
        }
        return new Transition(SessionState.ended(next, version + 1), new Transition.Stop(version), events);
    }
}
