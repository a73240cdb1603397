package io.chargebase.domain.charging.lifecycle;

import java.util.List;

import io.chargebase.domain.charging.ChargerEvents.AuthorizationStatus;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.SessionStatus;

/**
 * A transaction the charger started and the platform refused (stored FAILED, with the refusal as its stop reason). The
 * charger still ends it with a StopTransaction, which is recorded; it is never rated.
 */
public record Refused(ChargingSession session, long version) implements SessionState {

    /** The charger started a transaction the platform refuses: {@code answer} is what the charger is told, {@code why} in words. */
    public static Transition refuse(NewSession who, StartFacts start, AuthorizationStatus answer, String why) {
        return new Transition(new Refused(SessionValues.started(who, start, SessionStatus.FAILED, answer, why), 0), new Transition.Insert(),
                List.of());
    }

    /** The charger's stop of the refused transaction: recorded (a meter that ran backwards marks it incomplete), still failed. */
    public Transition stop(StopFacts stop) {
        boolean backwards = stop.meterStopWh() < session.meterStartWh();
        ChargingSession next = SessionValues.stopped(session, SessionStatus.FAILED, stop.meterStopWh(), stop.stoppedAt(), stop.reason(), backwards,
                backwards ? SessionValues.backwardsReason(session, stop) : null, null, stop.receivedAt());
        return new Transition(new Failed(next, version + 1), new Transition.Stop(version), List.of());
    }
}
