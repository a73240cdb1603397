package io.chargebase.domain.tariffs;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * A tariff as the operator manages it: a name only admins see, the kind of its pricing, its currency, the version
 * now current, whether it is a group's base tariff, and whom it applies to within a tariff group.
 */
public record StoredTariff(UUID id, String name, TariffKind kind, Currency currency, int currentVersion, boolean base,
        TariffAudience audience, Instant createdAt, Instant updatedAt) {
}
