package io.chargebase.domain.assets;

import org.springframework.stereotype.Component;

import io.chargebase.tenancy.Tenant;
import io.chargebase.tenancy.TenantProvisioner;

/** Every tenant starts with its default location group, so every connector it ever has belongs to one. */
@Component
class DefaultLocationGroupProvisioner implements TenantProvisioner {

    private final LocationGroups groups;

    DefaultLocationGroupProvisioner(LocationGroups groups) {
        this.groups = groups;
    }

    @Override
    public void provision(Tenant tenant) {
        groups.recompute();
    }
}
