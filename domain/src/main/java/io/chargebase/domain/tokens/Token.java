package io.chargebase.domain.tokens;

import java.time.Instant;
import java.util.UUID;

/** A token as stored; {@link #statusAt} says what it may do at a given moment. */
public record Token(
        UUID id,
        TokenUid uid,
        EmaId emaId,
        TokenType type,
        boolean blocked,
        Instant expiresAt,
        UUID ownerProfileId,
        String visualNumber,
        BillingTarget billing,
        Instant createdAt,
        Instant updatedAt) {

    public TokenStatus statusAt(Instant now) {
        if (blocked) {
            return TokenStatus.BLOCKED;
        }
        return expiresAt != null && !expiresAt.isAfter(now) ? TokenStatus.EXPIRED : TokenStatus.ACTIVE;
    }
}
