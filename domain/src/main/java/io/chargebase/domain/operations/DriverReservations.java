package io.chargebase.domain.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.operations.command.CommandStatus;
import io.chargebase.domain.operations.internal.DriverReservationRows;
import io.chargebase.domain.tokens.Token;

/**
 * Reservations drivers make from the app (issue 17 item 4), under the tenant's {@link ReservationSettings}. A request
 * is checked and written as REQUESTED in one short transaction that locks the EVSE and the driver, so of two drivers
 * reserving the same EVSE at once the second finds the first's request and is refused, and a driver's limits (one
 * held at a time, so many a day, the cool-down) cannot be raced past; only then is ReserveNow sent, and the charger's
 * answer completes the record. Runs for the whole tenant: another driver's reservation must be seen to be refused.
 */
@Service
@Transactional
public class DriverReservations {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final DriverReservationRows rows;
    private final TenantReservationSettings settings;
    private final Clock clock;

    DriverReservations(DriverReservationRows rows, TenantReservationSettings settings, Clock clock) {
        this.rows = rows;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Checks the request and holds the EVSE for the driver as REQUESTED until the charger answers. {@code evseMinutes}
     * is the EVSE's own reservation time (null: the tenant's duration; 0: the EVSE takes none).
     */
    public Reservation request(UUID profileId, Token token, Evse evse, Integer evseMinutes, String requestedBy) {
        ReservationSettings current = settings.current();
        if (!current.enabled()) {
            throw new DomainException(ErrorCode.NOT_USABLE, "evseId", "Reservations are not offered here.");
        }
        if (evseMinutes != null && evseMinutes == 0) {
            throw new DomainException(ErrorCode.NOT_USABLE, "evseId", "The EVSE " + evse.evseId() + " cannot be reserved.");
        }
        Instant now = clock.instant();
        rows.lock(evse.id(), profileId);
        if (rows.holding(profileId, now).isPresent()) {
            throw new DomainException(ErrorCode.LIMIT_REACHED, "evseId", "You already hold a reservation; cancel it to reserve another EVSE.");
        }
        if (rows.madeSince(profileId, now.minus(java.time.Duration.ofDays(1))) >= current.maxPerDay()) {
            throw new DomainException(ErrorCode.LIMIT_REACHED, "evseId", "You made " + current.maxPerDay()
                    + " reservations in the last 24 hours, as many as are allowed.");
        }
        Optional<Instant> lastEnded = rows.lastEndedUnused(profileId, now);
        if (lastEnded.isPresent() && lastEnded.get().plus(current.coolDown()).isAfter(now)) {
            throw new DomainException(ErrorCode.LIMIT_REACHED, "evseId", "Your next reservation can be made from "
                    + TIME.format(lastEnded.get().plus(current.coolDown())) + ".");
        }
        if (rows.heldByAnother(evse.chargePointId(), evse.ocppNumber(), profileId, now)) {
            throw new DomainException(ErrorCode.IN_USE, "evseId", "The EVSE " + evse.evseId() + " is reserved; choose another one.");
        }
        Instant expires = now.plus(evseMinutes != null ? java.time.Duration.ofMinutes(evseMinutes) : current.duration());
        return rows.insertRequested(UUID.randomUUID(), evse, ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE), token, profileId,
                expires, requestedBy);
    }

    /** The charger's answer to the ReserveNow of a request (or the reason none came). */
    public Optional<Reservation> answered(UUID reservationId, ChargerCommand command, CommandStatus answered) {
        Reservation.Status status = command.outcome() != ChargerCommand.Outcome.ANSWERED || answered == null ? Reservation.Status.NOT_ANSWERED
                : answered == CommandStatus.ACCEPTED ? Reservation.Status.ACCEPTED : Reservation.Status.REFUSED;
        return rows.answer(reservationId, status, command.chargerStatus(), command.id());
    }

    /** A request whose ReserveNow was never sent (refused before sending): it holds nothing. */
    public void notSent(UUID reservationId) {
        rows.answer(reservationId, Reservation.Status.NOT_ANSWERED, null, null);
    }

    /**
     * Whether a reservation made for someone other than this driver holds the EVSE now (a staff reservation counts as
     * the owner's of the token it names), so a start there is refused.
     */
    @Transactional(readOnly = true)
    public boolean reservedForAnother(Evse evse, UUID profileId) {
        return rows.heldByAnother(evse.chargePointId(), evse.ocppNumber(), profileId, clock.instant());
    }
}
