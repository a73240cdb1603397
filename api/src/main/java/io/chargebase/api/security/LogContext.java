package io.chargebase.api.security;

import io.chargebase.api.observability.TenantLogFields;
import io.chargebase.tenancy.TenantRef;
import io.chargebase.tenancy.TenantScope;

/**
 * Puts whom a request acts for into every log line it writes (see {@link TenantLogFields}): the scope's tenant, the
 * platform, or, for an anonymous call on a tenant's endpoint, that tenant.
 */
final class LogContext {

    private LogContext() {
    }

    /** {@code tenant}: the tenant the request was resolved to (its token's or its endpoint's), when there is one. */
    static TenantLogFields of(TenantScope scope, TenantRef tenant) {
        if (tenant != null) {
            return TenantLogFields.of(tenant.id(), tenant.slug());
        }
        return switch (scope) {
            case TenantScope.OfTenant(var id, var narrowing) -> TenantLogFields.of(id, null);
            case TenantScope.Platform ignored -> TenantLogFields.platform();
            case TenantScope.Nobody ignored -> TenantLogFields.none();
        };
    }
}
