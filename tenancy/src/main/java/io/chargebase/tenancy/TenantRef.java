package io.chargebase.tenancy;

/** What the platform lookups reveal of a tenant before anyone acts for it: enough to route and to refuse. */
public record TenantRef(TenantId id, String slug, TenantStatus status) {

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
