package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.UUID;

/**
 * An active session whose charger said nothing about it (no start, no meter value) for longer than the tenant's
 * inactivity timeout: suspected stale, when it was found so, the charger's last word on it, and why; when the platform
 * finished it after the finish timeout ({@code finishedAt}), and when a StopTransaction that came later corrected that
 * ({@code correctedAt}).
 */
public record SessionInactivity(UUID sessionId, Instant flaggedAt, Instant lastActivityAt, String reason, Instant finishedAt,
        Instant correctedAt) {
}
