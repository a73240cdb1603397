package io.chargebase.tenancy;

/**
 * Something every new tenant must have from its first moment (its root organisation unit, its signing key).
 * Called inside the transaction that creates the tenant, already acting for the new tenant, so a failure leaves
 * no half-made tenant behind.
 */
public interface TenantProvisioner {

    void provision(Tenant tenant);
}
