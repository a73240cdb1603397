package io.chargebase.domain.charging.lifecycle;

import io.chargebase.domain.charging.ChargingSession;

/** Over without charging: the car never came (fail-start timeout), or a refused transaction was stopped. No transitions. */
public record Failed(ChargingSession session, long version) implements SessionState {
}
