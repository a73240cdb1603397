/**
 * Tenant identity and isolation. A {@link io.chargebase.tenancy.TenantScope} names who a unit of work acts for
 * (one tenant, the platform, or nobody); {@link io.chargebase.tenancy.TenantContext} carries it on the current
 * thread; {@link io.chargebase.tenancy.TenantAwareTransactionManager} hands it to PostgreSQL at the start of
 * every transaction, where row-level security does the filtering. {@link io.chargebase.tenancy.Tenants} is the
 * face of the tenants table.
 */
package io.chargebase.tenancy;
