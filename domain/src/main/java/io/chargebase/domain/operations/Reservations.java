package io.chargebase.domain.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.operations.command.CommandStatus;
import io.chargebase.domain.operations.internal.ReservationRows;
import io.chargebase.domain.Page;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenUid;
import io.chargebase.domain.tokens.Tokens;

/**
 * ReserveNow as a record: written once the charger answered (or did not), marked cancelled when a CancelReservation
 * is accepted and used when a StartTransaction names it. Expiry is read, never written: an accepted reservation past
 * its expiry is EXPIRED ({@link Reservation#statusAt}). Row-level security keeps an OU admin to the charge points
 * they operate, and a driver to none.
 */
@Service
@Transactional
public class Reservations {

    public static final int MAX_PAGE = 100;

    /** Which reservations to list; each filter optional. */
    public record Query(UUID chargePointId, Reservation.Status status) {
    }

    private final ReservationRows rows;
    private final Tokens tokens;
    private final Clock clock;

    Reservations(ReservationRows rows, Tokens tokens, Clock clock) {
        this.rows = rows;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * Records a ReserveNow and what came of it: {@code command} as the actions log completed it, {@code answered} the
     * status the charger answered with, null when no answer came.
     */
    public Reservation record(ChargerCommand command, CommandStatus answered, int connectorId, int reservationId, String idTag,
            Instant expiresAt) {
        Reservation.Status status = command.outcome() != ChargerCommand.Outcome.ANSWERED || answered == null ? Reservation.Status.NOT_ANSWERED
                : answered == CommandStatus.ACCEPTED ? Reservation.Status.ACCEPTED : Reservation.Status.REFUSED;
        UUID tokenId = TokenUid.fromIdTag(idTag).flatMap(tokens::findByUid).map(Token::id).orElse(null);
        return rows.insert(UUID.randomUUID(), command.chargePointId(), connectorId, reservationId, idTag, tokenId, expiresAt, status,
                command.chargerStatus(), command.id(), command.requestedBy());
    }

    /** After an accepted CancelReservation: the charge point's reservation with that id, if one holds a connector. */
    public Optional<Reservation> cancelled(UUID chargePointId, int reservationId) {
        return rows.cancel(chargePointId, reservationId, clock.instant());
    }

    /** A StartTransaction with a reservationId took up the reservation; its idTag must be the one it was made for. */
    public void used(UUID chargePointId, int reservationId, String idTag, Instant at) {
        rows.use(chargePointId, reservationId, idTag, at);
    }

    @Transactional(readOnly = true)
    public Optional<Reservation> find(UUID id) {
        return rows.find(id);
    }

    /** Newest first. EXPIRED is found among the accepted ones past their expiry. */
    @Transactional(readOnly = true)
    public Page<Reservation> list(Query query, UUID afterId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new DomainException(ErrorCode.INVALID, "first", "A page holds 1 to " + MAX_PAGE + " reservations.");
        }
        return rows.list(query, clock.instant(), afterId, limit);
    }
}
