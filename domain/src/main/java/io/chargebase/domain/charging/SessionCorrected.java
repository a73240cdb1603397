package io.chargebase.domain.charging;

import java.util.UUID;

import io.chargebase.tenancy.TenantId;

/**
 * The billing port's second message: a session already rated (and handed to billing with {@link SessionRated}) was
 * corrected, because the charger's StopTransaction came after the platform had finished it after inactivity. Its MSP
 * CDR {@code mspCdrId} supersedes {@code supersededMspCdrId}: billing settles the difference to what it charged for the
 * superseded version, and never charges the session a second time.
 */
public record SessionCorrected(TenantId tenantId, UUID sessionId, UUID mspCdrId, UUID supersededMspCdrId) {
}
