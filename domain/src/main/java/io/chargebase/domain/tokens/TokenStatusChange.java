package io.chargebase.domain.tokens;

import java.time.Instant;

/** One entry of a token's history: blocked or unblocked, why, and by whom. */
public record TokenStatusChange(String fromStatus, String toStatus, String reason, String changedBy, Instant changedAt) {
}
