package io.chargebase.domain.organisation;

import org.springframework.stereotype.Component;

import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantProvisioner;

/** Gives every new tenant the root of its organisation tree, named after the tenant. */
@Component
class RootOrganisationUnitProvisioner implements TenantProvisioner {

    private final OrganisationUnits units;

    RootOrganisationUnitProvisioner(OrganisationUnits units) {
        this.units = units;
    }

    @Override
    public void provision(Tenant tenant) {
        units.createRoot(tenant.name());
    }
}
