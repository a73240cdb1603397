package io.chargebase.domain.charging;

import java.util.UUID;

import io.chargebase.tenancy.TenantId;

/**
 * The billing port: published once a finished session's MSP CDR is committed, for every session to be billed and only
 * for those (a demo session's is never published). Billing listens; charging does not wait for it.
 */
public record SessionRated(TenantId tenantId, UUID sessionId, UUID mspCdrId) {
}
