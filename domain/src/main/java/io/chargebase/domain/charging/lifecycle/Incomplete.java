package io.chargebase.domain.charging.lifecycle;

import io.chargebase.domain.charging.ChargingSession;

/** Finished, but its data does not add up (a meter that ran backwards), with the reason; never rated. No transitions. */
public record Incomplete(ChargingSession session, long version) implements SessionState {
}
