package io.chargebase.domain.operations;

import java.time.Instant;
import java.util.UUID;

/**
 * A reservation made with ReserveNow (manual: a charge point's Reservations, ACTIVITY > Reservations): for which idTag,
 * at which connector (0: any), for which driver when one reserved from the app (and at which EVSE), until when, what the charger answered, and what became of it. {@link #statusAt} tells an
 * accepted reservation that has run out from one still holding the connector.
 */
public record Reservation(UUID id, UUID chargePointId, int connectorId, int reservationId, String idTag, UUID tokenId, Instant expiresAt,
        Status status, String chargerStatus, UUID commandId, String requestedBy, Instant createdAt, Instant cancelledAt, Instant usedAt,
        UUID profileId, UUID evseId) {

    /**
     * REQUESTED: a driver asked from the app and the charger's answer is awaited (it holds the EVSE meanwhile, so two
     * drivers cannot both reserve it); ACCEPTED holds the connector until it expires; REFUSED: the charger answered otherwise (Occupied, Faulted,
     * Unavailable, Rejected: see {@code chargerStatus}); NOT_ANSWERED: offline, timed out or a CALLERROR; CANCELLED by
     * CancelReservation; USED by the StartTransaction that named it; EXPIRED: accepted and past its expiry unused (read
     * so from the expiry on, and written by {@link ReservationSweeper}).
     */
    public enum Status { REQUESTED, ACCEPTED, REFUSED, NOT_ANSWERED, CANCELLED, USED, EXPIRED }

    public Status statusAt(Instant now) {
        return status == Status.ACCEPTED && !expiresAt.isAfter(now) ? Status.EXPIRED : status;
    }
}
