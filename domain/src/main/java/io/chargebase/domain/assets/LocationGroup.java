package io.chargebase.domain.assets;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A named set of connectors. Criteria left null match everything; a group with no criteria at all holds only its
 * explicit connectors. The default group holds what no other group holds.
 */
public record LocationGroup(
        UUID id,
        String name,
        boolean isDefault,
        List<String> countries,
        List<String> operatorIds,
        AssetTypes.CurrentType currentType,
        BigDecimal minPowerKw,
        BigDecimal maxPowerKw,
        List<UUID> locationIds,
        List<UUID> connectorIds) {

    public boolean hasCriteria() {
        return countries != null || operatorIds != null || currentType != null || minPowerKw != null || maxPowerKw != null || locationIds != null;
    }
}
