package io.chargebase.domain.charging;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * When this instance last wrote that each of its chargers was heard from. "Last seen" serves the connection-status
 * thresholds (at least 30 s, see {@link ChargingSettings}) and the portals, so a charger sending MeterValues every
 * second is recorded at most every {@link #EVERY}, not with every message; a Heartbeat is always recorded.
 */
@Component
class HeardFrom {

    static final Duration EVERY = Duration.ofSeconds(10);
    private static final int REMEMBERED = 200_000;
    private final ConcurrentHashMap<UUID, Instant> written = new ConcurrentHashMap<>();

    /** Whether it is time to write again (also when the clock went back). */
    boolean due(UUID chargePointId, Instant now) {
        Instant last = written.get(chargePointId);
        return last == null || !now.isBefore(last.plus(EVERY)) || now.isBefore(last);
    }

    void written(UUID chargePointId, Instant at) {
        if (written.size() > REMEMBERED) {
            written.clear();
        }
        written.put(chargePointId, at);
    }

    void forget(UUID chargePointId) {
        written.remove(chargePointId);
    }
}
