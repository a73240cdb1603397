package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.UUID;

/** A StatusNotification as stored: the current one per connector, or one entry of the history ({@code id} then). */
public record ConnectorState(long id, UUID chargePointId, int connectorId, String status, String errorCode, String info, String vendorId,
        String vendorErrorCode, Instant statusAt, Instant receivedAt) {
}
