package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.UUID;

/**
 * A charger that connected under an OCPP identity none of the tenant's charge points has, held pending (see
 * {@link PendingChargePoints}): when it was first and last heard from, where from, and what its BootNotification said
 * ({@code boot} has only nulls until it booted).
 */
public record PendingChargePoint(UUID id, String ocppIdentity, Instant firstSeenAt, Instant lastSeenAt, String remoteAddress, Instant bootedAt,
        ChargerEvents.BootInfo boot) {
}
