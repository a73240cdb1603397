package io.chargebase.api.security;

/** The names of the claims Chargebase puts into its access tokens. */
public final class Claims {

    public static final String TENANT_ID = "tenant_id";
    public static final String ROLES = "roles";

    private Claims() {
    }
}
