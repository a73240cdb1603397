package io.chargebase.domain.assets;

import java.util.UUID;

/** An optional grouping of charge points inside a location: a parking deck, a row of bays. */
public record ChargingZone(UUID id, UUID locationId, String name) {
}
