package io.chargebase.domain.charging;

import java.util.UUID;

import io.chargebase.tenancy.TenantId;

/**
 * A running session reached a stop limit of its tariff, for the first time: the charger is to be asked to stop its
 * transaction, with the reason. Published within the transaction that recorded it; listeners act after it commits, and
 * never on the thread that stores meter values.
 */
public record StopLimitReached(TenantId tenantId, UUID chargePointId, UUID sessionId, int transactionId, StopLimitCheck.Limit limit,
        String reason) {
}
