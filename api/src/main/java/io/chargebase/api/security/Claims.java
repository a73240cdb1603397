package io.chargebase.api.security;

/** The names of the claims Chargebase puts into its access tokens. */
public final class Claims {

    public static final String TENANT_ID = "tenant_id";
    public static final String ROLES = "roles";
    /** True in tokens issued to a public client (no secret: the driver app), which may run only trusted documents. */
    public static final String PUBLIC_CLIENT = "public_client";
    /** The audience every access token for this API carries, besides the client it was issued to. */
    public static final String API_AUDIENCE = "chargebase-api";

    private Claims() {
    }
}
