package io.chargebase.api.graphql.assets;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.ocpp.FreeVendConfiguration;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.FreeVend;
import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.tenancy.TenantContext;

/**
 * Plug and charge without authorization per charge point (issue 17 item 5). The setting is saved first, so the
 * platform accepts the free-vend idTag at once; then the charger is told ({@link FreeVendConfiguration}), each command
 * in the actions log with what the charger said, so an operator sees whether it still needs setting up at the charger.
 */
@Controller
class FreeVendController {

    record SetChargePointFreeVendInput(String chargePointId, Boolean enabled, String idTag) {
    }

    record SetChargePointFreeVendPayload(ChargePoint chargePoint, List<ChargerCommand> configuration, List<UserError> userErrors) {
    }

    private final FreeVend freeVend;
    private final ChargePoints chargePoints;
    private final FreeVendConfiguration configuration;

    FreeVendController(FreeVend freeVend, ChargePoints chargePoints, FreeVendConfiguration configuration) {
        this.freeVend = freeVend;
        this.chargePoints = chargePoints;
        this.configuration = configuration;
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "freeVendIdTag")
    String freeVendIdTag(ChargePoint chargePoint) {
        return freeVend.idTag(chargePoint.id()).orElse(null);
    }

    @MutationMapping
    CompletionStage<SetChargePointFreeVendPayload> setChargePointFreeVend(@Argument SetChargePointFreeVendInput input) {
        UUID chargePointId;
        String idTag;
        try {
            chargePointId = GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId");
            chargePoints.find(chargePointId).orElseThrow(() -> DomainException.notFound("chargePointId", "charge point", input.chargePointId()));
            idTag = freeVend.set(chargePointId, Boolean.TRUE.equals(input.enabled()), input.idTag()).orElse(null);
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; },
                    errors -> new SetChargePointFreeVendPayload(null, List.of(), errors)));
        }
        var tenant = TenantContext.requireTenant();
        return configuration.push(tenant, chargePointId, idTag).thenApply(sent -> new SetChargePointFreeVendPayload(
                TenantContext.callAs(io.chargebase.tenancy.TenantScope.of(tenant), () -> chargePoints.find(chargePointId).orElse(null)),
                sent, List.of()));
    }
}
