package io.chargebase.domain.identity;

public enum UserStatus {
    ACTIVE,
    /** Cannot sign in; kept for history. */
    DISABLED
}
