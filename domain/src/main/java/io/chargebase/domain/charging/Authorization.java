package io.chargebase.domain.charging;

import java.time.Instant;
import java.util.UUID;

/**
 * One authorisation at a charge point (manual: ACTIVITY > Authorizations): an Authorize, or the authorisation of a
 * StartTransaction, with the idTag as the charger read it, the token it named (none for an unknown card, whose idTag is
 * how an operator learns its UID to register it) and what the platform answered.
 */
public record Authorization(UUID id, UUID chargePointId, Integer connectorId, Source source, String idTag, UUID tokenId,
        ChargerEvents.AuthorizationStatus result, Instant at) {

    /** Which message asked. */
    public enum Source { AUTHORIZE, START_TRANSACTION }
}
