package io.chargebase.api.security;

import java.time.Duration;

/**
 * How keys are rotated.
 *
 * @param overlap how long a replaced key keeps verifying: longer than any token it signed lives (access tokens at
 *                most 30 minutes, ID tokens 30 minutes), so that a routine rotation logs nobody out
 * @param maxAge  how old an issuer's signing key may grow before the housekeeping replaces it
 */
public record SigningKeyPolicy(Duration overlap, Duration maxAge) {

    public SigningKeyPolicy {
        if (overlap.isNegative() || overlap.compareTo(ClientRegistrations.INTEGRATION_TOKEN_TTL) < 0) {
            throw new IllegalArgumentException("chargebase.security.signing-key-overlap must be at least "
                    + ClientRegistrations.INTEGRATION_TOKEN_TTL + ", the longest an access token lives: " + overlap);
        }
        if (maxAge.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("chargebase.security.signing-key-max-age must be at least a day: " + maxAge);
        }
    }
}
