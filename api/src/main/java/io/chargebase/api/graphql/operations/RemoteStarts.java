package io.chargebase.api.graphql.operations;

import java.util.UUID;

import org.springframework.stereotype.Component;

import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.domain.charging.ChargingStations;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * What every remote start shares, whoever asks (an operator's RemoteStart or Start Session, a driver's start from the
 * app): what the charger would refuse is refused before anything is sent, and an accepted start leaves a pending
 * session, which the charger's start of the transaction takes over (or the fail-start timeout fails). Both read and
 * write for the whole tenant: the owner's account need not be in an OU admin's scope, and the pending session is the
 * charger's, not the OU admin's or driver's who asked.
 */
@Component
class RemoteStarts {

    private final ChargingStations stations;
    private final ChargePoints chargePoints;

    RemoteStarts(ChargingStations stations, ChargePoints chargePoints) {
        this.stations = stations;
        this.chargePoints = chargePoints;
    }

    /** Refuses (with a {@code DomainException}) a start the operator's rules would not let the charger begin. */
    void requirePermitted(UUID chargePointId, Integer connectorId, String idTag) {
        TenantContext.runAs(whole(), () -> stations.requireRemoteStart(chargePointId, connectorId, idTag));
    }

    /** After an accepted start: the pending session's id; {@code tariffOverride} the tariff the operator chose, or null. */
    UUID expect(UUID chargePointId, Integer connectorId, String idTag, UUID tariffOverride) {
        TenantScope.OfTenant tenant = (TenantScope.OfTenant) TenantContext.current();
        return TenantContext.callAs(TenantScope.of(tenant.tenantId()), () -> {
            ChargePoint chargePoint = chargePoints.find(chargePointId).orElseThrow();
            return stations.expectStart(new ChargerRef(tenant.tenantId(), chargePoint.id(), chargePoint.ocppIdentity()), connectorId, idTag,
                    tariffOverride);
        });
    }

    /** The current tenant as a whole, whatever narrower scope the caller has. */
    static TenantScope whole() {
        return ((TenantScope.OfTenant) TenantContext.current()).whole();
    }
}
