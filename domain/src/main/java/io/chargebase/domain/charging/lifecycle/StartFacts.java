package io.chargebase.domain.charging.lifecycle;

import java.time.Instant;
import java.util.UUID;

/**
 * A charger's start as the platform keeps it: the transaction id the platform gave it, the connector and its EVSE
 * (null when the connector is no EVSE of the charge point), the meter and time on the charger's clock, the reservation
 * used, and when the platform received it.
 */
public record StartFacts(int transactionId, int connectorId, UUID evseId, long meterStartWh, Instant startedAt, Integer reservationId,
        Instant receivedAt) {
}
