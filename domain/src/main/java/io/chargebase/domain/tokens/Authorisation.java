package io.chargebase.domain.tokens;

import java.time.Instant;

/**
 * The answer to a charger's Authorize: the decision, the group the token belongs to (OCPP's parentIdTag, the
 * same for all tokens of one owner), and until when a charger may cache the answer.
 */
public record Authorisation(Decision decision, String parentIdTag, Instant expiresAt) {

    public enum Decision { ACCEPTED, BLOCKED, EXPIRED, INVALID }

    public static final Authorisation INVALID = new Authorisation(Decision.INVALID, null, null);
}
