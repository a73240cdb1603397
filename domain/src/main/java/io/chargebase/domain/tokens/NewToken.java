package io.chargebase.domain.tokens;

import java.time.Instant;
import java.util.UUID;

/** A token as submitted. A null UID asks for one to be generated (app and ad-hoc tokens). */
public record NewToken(String uid, String emaId, TokenType type, UUID ownerProfileId, String visualNumber,
        Instant expiresAt, BillingTarget billing) {
}
