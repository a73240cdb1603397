package io.chargebase.domain.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant user. {@code organisationUnitId} is set for OU admins (their subtree's root), {@code profileId} for
 * drivers (the profile they charge as).
 */
public record User(
        UUID id,
        String email,
        String name,
        UserRole role,
        UUID organisationUnitId,
        UUID profileId,
        UserStatus status,
        Instant emailVerifiedAt,
        Instant createdAt) {

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
