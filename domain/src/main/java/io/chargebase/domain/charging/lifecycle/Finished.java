package io.chargebase.domain.charging.lifecycle;

import io.chargebase.domain.charging.ChargingSession;

/**
 * Stopped by its charger, rated (or kept with the reason it cannot be). No transitions: a repeated StopTransaction
 * changes nothing; re-rating changes its CDRs, not its state.
 */
public record Finished(ChargingSession session, long version) implements SessionState {
}
