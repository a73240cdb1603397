package io.chargebase.domain.assets;

import java.time.Instant;
import java.util.UUID;

/** An OCPP charging station. {@code hasSecret} says whether it may authenticate with HTTP Basic yet. */
public record ChargePoint(
        UUID id,
        UUID locationId,
        String ocppIdentity,
        String vendor,
        String model,
        String serialNumber,
        AssetTypes.ChargePointStatus status,
        UUID zoneId,
        boolean hasSecret,
        Instant createdAt) {
}
