package io.chargebase.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

public record Tenant(
        TenantId id,
        String slug,
        String name,
        TenantStatus status,
        String suspendedReason,
        Currency currency,
        ZoneId timeZone,
        Branding branding,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
