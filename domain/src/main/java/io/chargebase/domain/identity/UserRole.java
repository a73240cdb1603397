package io.chargebase.domain.identity;

/** What a tenant user may do; platform staff are a separate kind of user. */
public enum UserRole {
    /** Everything in the tenant: prices, assets, the whole organisation. */
    TENANT_ADMIN,
    /** The profiles and units of one organisation-unit subtree. */
    OU_ADMIN,
    /** Reads what a tenant admin reads, changes nothing. */
    ANALYST,
    /** Charges, and sees only their own profile and what hangs off it. */
    DRIVER
}
