package io.chargebase.domain.tokens;

/** What a token is allowed to do now. EXPIRED is not stored: a token is expired once its expiry has passed. */
public enum TokenStatus {
    ACTIVE,
    BLOCKED,
    EXPIRED
}
