package io.chargebase.tenancy;

/**
 * Whom a unit of work acts for. The database sees exactly this: a tenant id, the platform flag, or neither, in
 * which case every tenant-owned table reads as empty.
 */
public sealed interface TenantScope {

    /** Acting for one tenant: only its rows are visible. */
    record OfTenant(TenantId tenantId) implements TenantScope {
    }

    /** Acting for the platform operator: the tenants table and platform-owned rows, never a tenant's data. */
    record Platform() implements TenantScope {
    }

    /** Acting for nobody: anonymous requests and start-up code. */
    record Nobody() implements TenantScope {
    }

    TenantScope PLATFORM = new Platform();
    TenantScope NOBODY = new Nobody();

    static TenantScope of(TenantId tenantId) {
        return new OfTenant(tenantId);
    }
}
