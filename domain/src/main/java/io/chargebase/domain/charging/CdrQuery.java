package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.UUID;

/** Filters for CDR lists, each optional: sessions started in [from, to), at a location, of a profile, of a unit's subtree. */
public record CdrQuery(Instant from, Instant to, UUID locationId, UUID profileId, UUID organisationUnitId, boolean includeSuperseded) {
}
