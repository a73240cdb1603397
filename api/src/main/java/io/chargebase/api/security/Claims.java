package io.chargebase.api.security;

/** The names of the claims Chargebase puts into its access tokens. */
public final class Claims {

    public static final String TENANT_ID = "tenant_id";
    public static final String ROLES = "roles";
    /** The audience every access token for this API carries, besides the client it was issued to. */
    public static final String API_AUDIENCE = "chargebase-api";

    private Claims() {
    }
}
