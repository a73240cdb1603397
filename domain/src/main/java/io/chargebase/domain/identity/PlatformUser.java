package io.chargebase.domain.identity;

import java.time.Instant;
import java.util.UUID;

/** A member of the platform operator's staff. */
public record PlatformUser(UUID id, String email, String name, UserStatus status, Instant createdAt) {
}
