package io.chargebase.api.graphql.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.Batches;
import io.chargebase.api.graphql.Caller;
import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.Page;
import io.chargebase.domain.assets.ChargerAccess;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.DriverReservations;
import io.chargebase.domain.operations.Reservation;
import io.chargebase.domain.operations.ReservationSettings;
import io.chargebase.domain.operations.Reservations;
import io.chargebase.domain.operations.TenantReservationSettings;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.domain.tokens.Token;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Reservations from the driver app (issue 17 item 4) and the tenant's reservation settings. A driver reserves an EVSE
 * by its EVSE ID: it is looked up in the driver's scope (another tenant's, or one hidden from them, is not found), a
 * private charge point takes only invited drivers, and {@link DriverReservations} checks the tenant's limits and holds
 * the EVSE before ReserveNow is sent; the charger's answer (Accepted, Occupied, Faulted, Unavailable, Rejected), or
 * why none came, is the driver's outcome. The commands and the records are the tenant's, written for the whole tenant
 * like the driver's starts; the driver reads their own reservations under row-level security.
 */
@Controller
class ReservationController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    static final String RESERVED_FROM_APP = "Reserved from the driver app";
    static final String CANCELLED_FROM_APP = "Cancelled from the driver app";

    record SettingsView(boolean enabled, int durationMinutes, int reminderMinutes, int maxPerDay, int coolDownMinutes) {

        static SettingsView of(ReservationSettings s) {
            return new SettingsView(s.enabled(), (int) s.duration().toMinutes(), (int) s.reminder().toMinutes(), s.maxPerDay(),
                    (int) s.coolDown().toMinutes());
        }

        ReservationSettings toDomain() {
            return new ReservationSettings(enabled, Duration.ofMinutes(durationMinutes), Duration.ofMinutes(reminderMinutes), maxPerDay,
                    Duration.ofMinutes(coolDownMinutes));
        }
    }

    record UpdateReservationSettingsPayload(SettingsView reservationSettings, List<UserError> userErrors) {
    }

    record ReserveMyEvseInput(String evseId, String tokenId) {
    }

    record CancelMyReservationInput(String reservationId) {
    }

    record DriverReservationPayload(ChargerCommand.Outcome outcome, String chargerStatus, String message, Reservation reservation,
            List<UserError> userErrors) {

        static DriverReservationPayload refused(List<UserError> errors) {
            return new DriverReservationPayload(null, null, null, null, errors);
        }
    }

    private final CommandMutations commands;
    private final DriverSessionController driverSessions;
    private final DriverReservations driverReservations;
    private final Reservations reservations;
    private final TenantReservationSettings settings;
    private final ChargePoints chargePoints;
    private final ChargerAccess access;

    ReservationController(CommandMutations commands, DriverSessionController driverSessions, DriverReservations driverReservations, Reservations reservations,
            TenantReservationSettings settings, ChargePoints chargePoints, ChargerAccess access) {
        this.commands = commands;
        this.driverSessions = driverSessions;
        this.driverReservations = driverReservations;
        this.reservations = reservations;
        this.settings = settings;
        this.chargePoints = chargePoints;
        this.access = access;
    }

    @QueryMapping
    SettingsView reservationSettings() {
        return SettingsView.of(settings.current());
    }

    @MutationMapping
    UpdateReservationSettingsPayload updateReservationSettings(@Argument SettingsView input) {
        return UserError.attempt(() -> new UpdateReservationSettingsPayload(SettingsView.of(settings.update(input.toDomain())), List.of()),
                errors -> new UpdateReservationSettingsPayload(null, errors));
    }

    /** The driver's own reservations, newest first: row-level security shows a driver theirs only. */
    @QueryMapping
    Connection<Reservation> myReservations(@Argument Integer first, @Argument String after) {
        DriverSessionController.ownProfile("myReservations");
        int size = Connection.pageSize(first);
        Page<Reservation> page = reservations.list(new Reservations.Query(null, null), Connection.afterId(after), size);
        return Connection.of(page.items(), page.hasMore(), after != null, page.totalCount(), r -> r.id().toString());
    }

    @MutationMapping
    CompletionStage<DriverReservationPayload> reserveMyEvse(@Argument ReserveMyEvseInput input) {
        UUID profileId = DriverSessionController.ownProfile("reserveMyEvse");
        TenantScope.OfTenant tenant = (TenantScope.OfTenant) TenantContext.current();
        TenantScope whole = TenantScope.of(tenant.tenantId());
        Evse evse;
        Reservation requested;
        try {
            evse = driverSessions.driverEvse(input.evseId());
            Token token = driverSessions.driverToken(profileId, input.tokenId());
            String requestedBy = Caller.name();
            requested = TenantContext.callAs(whole, () -> {
                if (!access.usableBy(evse.chargePointId(), profileId)) {
                    throw new DomainException(ErrorCode.NOT_USABLE, "evseId", "This charge point is private: only invited drivers reserve here.");
                }
                Integer minutes = chargePoints.reservationMinutes(List.of(evse.id())).get(evse.id());
                return driverReservations.request(profileId, token, evse, minutes, requestedBy);
            });
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; }, DriverReservationPayload::refused));
        }
        CompletionStage<CommandMutations.ChargerCommandPayload> sent = TenantContext.callAs(whole, () -> commands.send(
                GlobalId.encode(Types.CHARGE_POINT, evse.chargePointId()), RESERVED_FROM_APP,
                chargePointId -> new Command.ReserveNow(requested.connectorId(), requested.expiresAt(), requested.idTag(), null,
                        requested.reservationId()), answer -> { },
                completed -> driverReservations.answered(requested.id(), completed.command(),
                        completed.answer() == null ? null : completed.answer().status())));
        return sent.thenApply(payload -> TenantContext.callAs(whole, () -> {
            if (payload.command() == null) {
                driverReservations.notSent(requested.id());
                return DriverReservationPayload.refused(payload.userErrors());
            }
            ChargerCommand command = payload.command();
            Reservation now = reservations.find(requested.id()).orElse(requested);
            return new DriverReservationPayload(command.outcome(), command.chargerStatus(), reserveMessage(command, evse, now), now, List.of());
        }));
    }

    /** Cancels one of the driver's own reservations that holds an EVSE; someone else's is not found. */
    @MutationMapping
    CompletionStage<DriverReservationPayload> cancelMyReservation(@Argument CancelMyReservationInput input) {
        DriverSessionController.ownProfile("cancelMyReservation");
        TenantScope.OfTenant tenant = (TenantScope.OfTenant) TenantContext.current();
        TenantScope whole = TenantScope.of(tenant.tenantId());
        Reservation reservation;
        try {
            reservation = reservations.find(GlobalId.require(Types.RESERVATION, input.reservationId(), "reservationId"))
                    .orElseThrow(() -> DomainException.notFound("reservationId", "reservation", input.reservationId()));
            Reservation.Status status = reservation.statusAt(Instant.now());
            if (status != Reservation.Status.ACCEPTED) {
                throw new DomainException(ErrorCode.INVALID, "reservationId", "Only a reservation that holds an EVSE is cancelled; this one is "
                        + status.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".");
            }
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; }, DriverReservationPayload::refused));
        }
        boolean[] accepted = new boolean[1];
        CompletionStage<CommandMutations.ChargerCommandPayload> sent = TenantContext.callAs(whole, () -> commands.send(
                GlobalId.encode(Types.CHARGE_POINT, reservation.chargePointId()), CANCELLED_FROM_APP,
                chargePointId -> new Command.CancelReservation(reservation.reservationId()), answer -> { }, completed -> {
                    accepted[0] = completed.accepted();
                    if (completed.accepted()) {
                        reservations.cancelled(completed.command().chargePointId(), reservation.reservationId());
                    }
                }));
        return sent.thenApply(payload -> TenantContext.callAs(whole, () -> {
            if (payload.command() == null) {
                return DriverReservationPayload.refused(payload.userErrors());
            }
            ChargerCommand command = payload.command();
            String message = switch (command.outcome()) {
                case ANSWERED -> accepted[0] ? "Your reservation is cancelled."
                        : "The charger did not cancel the reservation (" + command.chargerStatus() + ").";
                case OFFLINE -> "The charger is offline; your reservation runs out at " + TIME.format(reservation.expiresAt()) + ".";
                case TIMED_OUT -> "The charger did not answer in time; your reservation may still hold the EVSE.";
                default -> "The charger could not handle the cancellation.";
            };
            return new DriverReservationPayload(command.outcome(), command.chargerStatus(), message,
                    reservations.find(reservation.id()).orElse(reservation), List.of());
        }));
    }

    @BatchMapping(typeName = Types.RESERVATION, field = "evse")
    Map<Reservation, Evse> reservationEvse(List<Reservation> list) {
        return Batches.toOne(list, Reservation::evseId, chargePoints::findEvses);
    }

    private static String reserveMessage(ChargerCommand command, Evse evse, Reservation reservation) {
        return switch (command.outcome()) {
            case ANSWERED -> switch (String.valueOf(command.chargerStatus())) {
                case "Accepted" -> "The EVSE " + evse.evseId() + " is reserved for you until " + TIME.format(reservation.expiresAt()) + ".";
                case "Occupied" -> "The EVSE " + evse.evseId() + " is in use; it cannot be reserved now.";
                case "Faulted" -> "The EVSE " + evse.evseId() + " is out of order; it cannot be reserved.";
                case "Unavailable" -> "The EVSE " + evse.evseId() + " is unavailable; it cannot be reserved now.";
                default -> "The charger refused the reservation (" + command.chargerStatus() + ").";
            };
            case OFFLINE -> "The charger is offline; the EVSE is not reserved.";
            case TIMED_OUT -> "The charger did not answer in time; the EVSE is not reserved.";
            case CALL_ERROR -> "The charger could not handle the reservation; the EVSE is not reserved.";
            default -> "The reservation could not be sent to the charger; the EVSE is not reserved.";
        };
    }
}
