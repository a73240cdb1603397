package io.chargebase.domain.assets;

import java.math.BigDecimal;
import java.util.UUID;

/** One place where one vehicle charges at a time; {@code ocppNumber} is its OCPP 1.6 connectorId. */
public record Evse(UUID id, UUID chargePointId, String evseId, int ocppNumber, AssetTypes.CurrentType currentType,
        BigDecimal maxPowerKw, AssetTypes.EvseStatus status) {
}
