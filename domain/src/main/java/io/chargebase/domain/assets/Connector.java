package io.chargebase.domain.assets;

import java.util.UUID;

public record Connector(UUID id, UUID evseId, AssetTypes.ConnectorStandard standard, AssetTypes.ConnectorFormat format,
        AssetTypes.PowerType powerType, int maxVoltage, int maxAmperage, int position) {
}
