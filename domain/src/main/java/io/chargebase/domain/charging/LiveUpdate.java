package io.chargebase.domain.charging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.chargebase.domain.rating.Price;
import io.chargebase.tenancy.TenantId;

/**
 * What changed, for whoever watches live: published as an application event inside the transaction that made the
 * change; the API sends it on to every instance's subscribers once that transaction commits.
 */
public sealed interface LiveUpdate {

    TenantId tenantId();

    UUID chargePointId();

    Instant at();

    /** A session's state and latest readings; {@code runningCost} is the price so far (null when it cannot be rated yet). */
    record SessionProgress(TenantId tenantId, UUID sessionId, UUID profileId, UUID chargePointId, int connectorId, String status,
            BigDecimal energyKwh, BigDecimal powerKw, BigDecimal stateOfChargePercent, Price runningCost, String currency, Instant at)
            implements LiveUpdate {
    }

    /** A connector's (0: the charge point's) OCPP status. */
    record ConnectorStatus(TenantId tenantId, UUID chargePointId, int connectorId, String status, String errorCode, Instant at)
            implements LiveUpdate {
    }

    /** The charger's connection: ONLINE, TEMPORARILY_UNAVAILABLE or LONG_TERM_UNAVAILABLE. */
    record Connection(TenantId tenantId, UUID chargePointId, String connection, Instant at) implements LiveUpdate {
    }
}
