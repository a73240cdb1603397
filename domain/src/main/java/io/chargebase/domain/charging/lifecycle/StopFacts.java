package io.chargebase.domain.charging.lifecycle;

import java.time.Instant;

/** A charger's stop: the meter and time on the charger's clock, its reason (null: none given), when the platform received it. */
public record StopFacts(long meterStopWh, Instant stoppedAt, String reason, Instant receivedAt) {
}
