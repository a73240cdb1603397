package io.chargebase.domain.organisation;

public enum ProfileStatus {
    ACTIVE,
    /** Kept for history and billing, but no longer charging or signing in. */
    INACTIVE
}
