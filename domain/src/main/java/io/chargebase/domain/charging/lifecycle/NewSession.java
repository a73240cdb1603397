package io.chargebase.domain.charging.lifecycle;

import java.time.Instant;
import java.util.UUID;

/** Who and where a session begins, before it has a state: the charger, its connector and EVSE (when known), the token. */
public record NewSession(UUID id, UUID chargePointId, Integer connectorId, UUID evseId, String idTag, UUID tokenId, UUID profileId,
        Instant createdAt) {
}
