package io.chargebase.domain.charging;

import java.util.Objects;
import java.util.UUID;

import io.chargebase.tenancy.TenantId;

/** A connected charger as the OCPP adapter knows it: its tenant, its charge point row, and the identity it connected with. */
public record ChargerRef(TenantId tenantId, UUID chargePointId, String identity) {

    public ChargerRef {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(chargePointId, "chargePointId");
        Objects.requireNonNull(identity, "identity");
    }
}
