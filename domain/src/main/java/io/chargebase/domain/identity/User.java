package io.chargebase.domain.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant user. {@code organisationUnitId} is set for OU admins (their subtree's root), {@code profileId} for
 * drivers (the profile they charge as). {@code termsVersion} is the version of the tenant's terms the person accepted at
 * sign-up, at {@code termsAcceptedAt}; both are null when no terms were asked for.
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
        Instant createdAt,
        String termsVersion,
        Instant termsAcceptedAt) {

    public boolean emailVerified() {
        return emailVerifiedAt != null;
    }
}
