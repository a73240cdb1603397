package io.chargebase.api.security;

import io.chargebase.domain.identity.UserRole;

/** What a caller may do; carried in the {@code roles} claim of access tokens. */
public enum Role {
    /** Operates the SaaS: tenants, never their data. */
    PLATFORM_ADMIN,
    /** Administers one tenant entirely. */
    TENANT_ADMIN,
    /** Administers the profiles and units of one organisation-unit subtree. */
    OU_ADMIN,
    /** Reads what a tenant admin reads; changes nothing. */
    ANALYST,
    /** Charges; sees only their own profile and what hangs off it. */
    DRIVER;

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role of(UserRole role) {
        return Role.valueOf(role.name());
    }
}
