package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a charge point's network status log (manual: Logs, Network Status Logs): the status it turned to and
 * when. ONLINE begins when the charger was heard from; the unavailable statuses when the sweeper found it silent past the
 * tenant's thresholds. {@code previous} is empty for the first entry.
 */
public record NetworkStatusChange(long id, UUID chargePointId, ChargerConnection.NetworkStatus status,
        ChargerConnection.NetworkStatus previous, Instant at) {
}
