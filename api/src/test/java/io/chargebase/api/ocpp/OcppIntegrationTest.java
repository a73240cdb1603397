package io.chargebase.api.ocpp;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.chargebase.api.support.IntegrationTest;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Locations;
import io.chargebase.domain.assets.NewChargePoint;
import io.chargebase.domain.assets.NewLocation;
import io.chargebase.domain.charging.ChargerRef;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/** The whole application with a recording stand-in for the charging domain, and chargers registered to connect. */
@Import(RecordingChargerEvents.Config.class)
abstract class OcppIntegrationTest extends IntegrationTest {

    @Autowired
    RecordingChargerEvents events;

    @Autowired
    ChargerCommands commands;

    @Autowired
    Locations locations;

    @Autowired
    ChargePoints chargePoints;

    /** A charge point of the tenant that may connect with {@code secret}. */
    record RegisteredCharger(TestTenant tenant, ChargerRef ref, String secret) {

        String slug() {
            return tenant.tenant().slug();
        }

        String identity() {
            return ref.identity();
        }
    }

    RegisteredCharger aCharger(TestTenant tenant, String identity) {
        return TenantContext.callAs(TenantScope.of(tenant.tenant().id()), () -> {
            var location = locations.create(new NewLocation("Central Station P1", "Stationsplein 1", "1012 AB", "Amsterdam", "NL",
                    new BigDecimal("52.378901"), new BigDecimal("4.900272"), "Europe/Amsterdam", AssetTypes.Access.PUBLIC, null, null));
            var registered = chargePoints.register(new NewChargePoint(location.id(), identity, "ACME", "X1", null,
                    AssetTypes.ChargePointStatus.ACTIVE, List.of(new NewChargePoint.NewEvse(null, AssetTypes.CurrentType.AC,
                    new BigDecimal("22"), List.of(new NewChargePoint.NewConnector(AssetTypes.ConnectorStandard.IEC_62196_T2,
                    AssetTypes.ConnectorFormat.SOCKET, AssetTypes.PowerType.AC_3_PHASE, 400, 32))))));
            return new RegisteredCharger(tenant, new ChargerRef(tenant.tenant().id(), registered.chargePoint().id(), identity),
                    registered.secret());
        });
    }

    CompletableFuture<TestCharger> connect(RegisteredCharger charger) {
        return connect(port, charger);
    }

    static CompletableFuture<TestCharger> connect(int port, RegisteredCharger charger) {
        return TestCharger.connect(port, charger.slug(), charger.identity(), charger.identity(), charger.secret(), "ocpp1.6");
    }
}
