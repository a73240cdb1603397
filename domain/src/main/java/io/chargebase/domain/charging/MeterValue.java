package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A stored sample; energy in Wh and power in W whatever the charger sent. */
public record MeterValue(long id, UUID chargePointId, int connectorId, UUID sessionId, Instant sampledAt, String measurand, String phase,
        String location, String unit, BigDecimal value, String context, Instant receivedAt) {
}
