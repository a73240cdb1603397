package io.chargebase.domain.tariffs;

import java.util.List;
import java.util.UUID;

/** Tariffs in order: the base tariff first, then the others; for a driver, the last one that applies wins. */
public record TariffGroup(UUID id, String name, UUID baseTariffId, List<UUID> tariffIds) {
}
