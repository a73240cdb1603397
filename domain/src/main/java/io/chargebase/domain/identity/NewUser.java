package io.chargebase.domain.identity;

import java.util.UUID;

/**
 * A user to create. {@code password} may be null: the user then sets one through the password-reset flow before
 * first signing in.
 */
public record NewUser(String email, String name, UserRole role, UUID organisationUnitId, UUID profileId, String password) {
}
