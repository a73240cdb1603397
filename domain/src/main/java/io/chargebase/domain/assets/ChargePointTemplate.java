package io.chargebase.domain.assets;

import java.util.List;
import java.util.UUID;

/** The layout of a charger model: vendor, model, and its EVSEs with their connectors, in OCPP connector order. */
public record ChargePointTemplate(UUID id, String name, String vendor, String model, List<NewChargePoint.NewEvse> evses) {
}
