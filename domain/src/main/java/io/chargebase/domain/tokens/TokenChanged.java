package io.chargebase.domain.tokens;

import io.chargebase.tenancy.TenantId;

/** Published when a token is created or changes, so cached authorisations of its UID are dropped. */
public record TokenChanged(TenantId tenant, TokenUid uid) {
}
