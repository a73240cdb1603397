package io.chargebase.api.graphql.assets;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.charging.PendingChargePoint;
import io.chargebase.domain.charging.PendingChargePoints;

/** Chargers waiting under identities the tenant has not registered: listed, registered as charge points, or dismissed. */
@Controller
class PendingChargePointController {

    private final PendingChargePoints pending;
    private final AssetController assets;

    PendingChargePointController(PendingChargePoints pending, AssetController assets) {
        this.pending = pending;
        this.assets = assets;
    }

    record AcceptPendingChargePointInput(String pendingChargePointId, String locationId, String vendor, String model, String serialNumber,
            AssetTypes.ChargePointStatus status, List<AssetController.EvseInput> evses, String templateId) {
    }

    record DismissPendingChargePointInput(String pendingChargePointId) {
    }

    record DismissPendingChargePointPayload(String dismissedPendingChargePointId, List<UserError> userErrors) {
    }

    @QueryMapping
    List<PendingChargePoint> pendingChargePoints() {
        return pending.list();
    }

    @MutationMapping
    AssetController.RegisterChargePointPayload acceptPendingChargePoint(@Argument AcceptPendingChargePointInput input) {
        return UserError.attempt(() -> {
            var registered = pending.accept(GlobalId.require(Types.PENDING_CHARGE_POINT, input.pendingChargePointId(), "pendingChargePointId"),
                    charger -> assets.register(new AssetController.RegisterChargePointInput(input.locationId(), charger.ocppIdentity(),
                            input.vendor() != null ? input.vendor() : charger.boot().vendor(),
                            input.model() != null ? input.model() : charger.boot().model(),
                            input.serialNumber() != null ? input.serialNumber() : serialOf(charger),
                            input.status(), input.evses(), input.templateId())));
            return new AssetController.RegisterChargePointPayload(registered.chargePoint(), registered.secret(), List.of());
        }, errors -> new AssetController.RegisterChargePointPayload(null, null, errors));
    }

    @MutationMapping
    DismissPendingChargePointPayload dismissPendingChargePoint(@Argument DismissPendingChargePointInput input) {
        return UserError.attempt(() -> new DismissPendingChargePointPayload(GlobalId.encode(Types.PENDING_CHARGE_POINT,
                        pending.dismiss(GlobalId.require(Types.PENDING_CHARGE_POINT, input.pendingChargePointId(), "pendingChargePointId"))),
                        List.of()),
                errors -> new DismissPendingChargePointPayload(null, errors));
    }

    /** The charge point's serial, else the charge box's, as the charger reported them at boot. */
    private static String serialOf(PendingChargePoint charger) {
        return charger.boot().serialNumber() != null ? charger.boot().serialNumber() : charger.boot().chargeBoxSerialNumber();
    }

    @SchemaMapping(typeName = "PendingChargePoint", field = "id")
    @PlainField
    String id(PendingChargePoint charger) {
        return GlobalId.encode(Types.PENDING_CHARGE_POINT, charger.id());
    }

    @SchemaMapping(typeName = "PendingChargePoint", field = "vendor")
    @PlainField
    String vendor(PendingChargePoint charger) {
        return charger.boot().vendor();
    }

    @SchemaMapping(typeName = "PendingChargePoint", field = "model")
    @PlainField
    String model(PendingChargePoint charger) {
        return charger.boot().model();
    }

    @SchemaMapping(typeName = "PendingChargePoint", field = "serialNumber")
    @PlainField
    String serialNumber(PendingChargePoint charger) {
        return charger.boot().serialNumber();
    }

    @SchemaMapping(typeName = "PendingChargePoint", field = "chargeBoxSerialNumber")
    @PlainField
    String chargeBoxSerialNumber(PendingChargePoint charger) {
        return charger.boot().chargeBoxSerialNumber();
    }

    @SchemaMapping(typeName = "PendingChargePoint", field = "firmwareVersion")
    @PlainField
    String firmwareVersion(PendingChargePoint charger) {
        return charger.boot().firmwareVersion();
    }

    @SchemaMapping(typeName = "PendingChargePoint", field = "iccid")
    @PlainField
    String iccid(PendingChargePoint charger) {
        return charger.boot().iccid();
    }

    @SchemaMapping(typeName = "PendingChargePoint", field = "imsi")
    @PlainField
    String imsi(PendingChargePoint charger) {
        return charger.boot().imsi();
    }

    @SchemaMapping(typeName = "PendingChargePoint", field = "meterType")
    @PlainField
    String meterType(PendingChargePoint charger) {
        return charger.boot().meterType();
    }

    @SchemaMapping(typeName = "PendingChargePoint", field = "meterSerialNumber")
    @PlainField
    String meterSerialNumber(PendingChargePoint charger) {
        return charger.boot().meterSerialNumber();
    }
}
