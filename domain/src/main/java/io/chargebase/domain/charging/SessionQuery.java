package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.UUID;

/** Filters on sessions, each optional: status, charge point, profile, created in [from, to). */
public record SessionQuery(SessionStatus status, UUID chargePointId, UUID profileId, Instant from, Instant to) {

    public static final SessionQuery ALL = new SessionQuery(null, null, null, null, null);
}
