package io.chargebase.api.security;

/** What a caller may do; carried in the {@code roles} claim of access tokens. */
public enum Role {
    /** Operates the SaaS: tenants, never their data. */
    PLATFORM_ADMIN,
    /** Administers one tenant entirely. */
    TENANT_ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
