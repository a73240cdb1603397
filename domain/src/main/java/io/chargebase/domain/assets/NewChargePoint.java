package io.chargebase.domain.assets;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A charge point with its EVSEs and their connectors, registered in one go. */
public record NewChargePoint(UUID locationId, String ocppIdentity, String vendor, String model, String serialNumber,
        AssetTypes.ChargePointStatus status, List<NewEvse> evses) {

    /** EVSEs are numbered 1, 2, … in the order given, as OCPP 1.6 connector ids. */
    public record NewEvse(String evseId, AssetTypes.CurrentType currentType, BigDecimal maxPowerKw, List<NewConnector> connectors) {
    }

    public record NewConnector(AssetTypes.ConnectorStandard standard, AssetTypes.ConnectorFormat format,
            AssetTypes.PowerType powerType, Integer maxVoltage, Integer maxAmperage) {
    }
}
