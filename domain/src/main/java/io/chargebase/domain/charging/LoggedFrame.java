package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.UUID;

/** One frame of a charger's communication log. */
public record LoggedFrame(long id, UUID chargePointId, ChargerEvents.FrameDirection direction, String action, String messageId, String text,
        boolean truncated, Instant at) {
}
