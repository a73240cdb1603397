package io.chargebase.domain.assets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

public record Location(
        UUID id,
        String name,
        String street,
        String postalCode,
        String city,
        String country,
        BigDecimal latitude,
        BigDecimal longitude,
        ZoneId timeZone,
        AssetTypes.Access access,
        String openingHours,
        String operatorId,
        Instant createdAt,
        Instant updatedAt) {
}
