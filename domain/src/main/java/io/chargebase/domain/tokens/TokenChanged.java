package io.chargebase.domain.tokens;

import io.chargebase.tenancy.TenantId;

/** Published when a token is created or changes, so cached authorisations of its UID are dropped. */
public record TokenChanged(TenantId tenant, TokenUid uid) {

    /** The PostgreSQL notification channel that carries token changes to every instance. */
    public static final String CHANNEL = "chargebase_token_changed";

    /** Reads a notification payload ({@code tenant:uid}); empty when it is not one. */
    public static java.util.Optional<TokenChanged> fromPayload(String payload) {
        int colon = payload == null ? -1 : payload.indexOf(':');
        if (colon < 0) {
            return java.util.Optional.empty();
        }
        try {
            return TokenUid.fromIdTag(payload.substring(colon + 1))
                    .map(uid -> new TokenChanged(TenantId.of(payload.substring(0, colon)), uid));
        } catch (IllegalArgumentException malformed) {
            return java.util.Optional.empty();
        }
    }
}
