package io.chargebase.api.graphql.operations;

import java.time.Instant;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.Batches;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.PlainField;
import io.chargebase.api.graphql.Types;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.charging.Authorization;
import io.chargebase.domain.charging.ChargerActivity;
import io.chargebase.domain.charging.ChargerConnection;
import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.NetworkStatusChange;
import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.ChargerCommandLog;
import io.chargebase.domain.operations.Reservation;
import io.chargebase.domain.operations.Reservations;
import io.chargebase.domain.Page;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.Tokens;

/**
 * The manual's ACTIVITY records and a charge point's network status log: authorisations, reservations, network status
 * changes. Staff lists (OperationPolicy, FieldPolicy); row-level security keeps an OU admin to the charge points they
 * operate, as for the actions log.
 */
@Controller
class ActivityController {

    record AuthorizationFilter(String chargePointId, ChargerEvents.AuthorizationStatus result, String idTag, Instant from, Instant to) {
    }

    record ReservationFilter(String chargePointId, Reservation.Status status) {
    }

    private final ChargerActivity activity;
    private final Reservations reservations;
    private final ChargePoints chargePoints;
    private final Tokens tokens;
    private final ChargerCommandLog commands;
    private final java.time.Clock clock;

    ActivityController(ChargerActivity activity, Reservations reservations, ChargePoints chargePoints, Tokens tokens, ChargerCommandLog commands,
            java.time.Clock clock) {
        this.activity = activity;
        this.reservations = reservations;
        this.chargePoints = chargePoints;
        this.tokens = tokens;
        this.commands = commands;
        this.clock = clock;
    }

    @QueryMapping
    Connection<Authorization> authorizations(@Argument Integer first, @Argument String after, @Argument AuthorizationFilter filter) {
        ChargerActivity.AuthorizationQuery query = new ChargerActivity.AuthorizationQuery(null, null, null, null, null);
        if (filter != null) {
            if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
                throw new BadRequestException("'from' lies before 'to'.");
            }
            query = new ChargerActivity.AuthorizationQuery(GlobalId.optional(Types.CHARGE_POINT, filter.chargePointId(), "chargePointId"),
                    filter.result(), filter.idTag() == null || filter.idTag().isBlank() ? null : filter.idTag().strip(), filter.from(), filter.to());
        }
        return authorizationPage(query, first, after);
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "authorizations")
    Connection<Authorization> chargePointAuthorizations(ChargePoint chargePoint, @Argument Integer first, @Argument String after) {
        return authorizationPage(new ChargerActivity.AuthorizationQuery(chargePoint.id(), null, null, null, null), first, after);
    }

    @QueryMapping
    Connection<Reservation> reservations(@Argument Integer first, @Argument String after, @Argument ReservationFilter filter) {
        Reservations.Query query = filter == null ? new Reservations.Query(null, null)
                : new Reservations.Query(GlobalId.optional(Types.CHARGE_POINT, filter.chargePointId(), "chargePointId"), filter.status());
        return reservationPage(query, first, after);
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "reservations")
    Connection<Reservation> chargePointReservations(ChargePoint chargePoint, @Argument Integer first, @Argument String after) {
        return reservationPage(new Reservations.Query(chargePoint.id(), null), first, after);
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "networkStatusHistory")
    Connection<NetworkStatusChange> networkStatusHistory(ChargePoint chargePoint, @Argument Integer first, @Argument String after) {
        int size = Connection.pageSize(first);
        Page<NetworkStatusChange> page = activity.networkStatusHistory(chargePoint.id(), longCursor(after), size);
        return Connection.of(page.items(), page.hasMore(), after != null, page.totalCount(), change -> Long.toString(change.id()));
    }

    @SchemaMapping(typeName = "Authorization", field = "id")
    @PlainField
    String authorizationId(Authorization authorization) {
        return GlobalId.encode(Types.AUTHORIZATION, authorization.id());
    }

    @org.springframework.graphql.data.method.annotation.BatchMapping(typeName = Types.AUTHORIZATION, field = "chargePoint")
    java.util.Map<Authorization, ChargePoint> authorizationChargePoint(java.util.List<Authorization> authorizations) {
        return Batches.toOne(authorizations, Authorization::chargePointId, chargePoints::findAll);
    }

    @org.springframework.graphql.data.method.annotation.BatchMapping(typeName = Types.AUTHORIZATION, field = "token")
    java.util.Map<Authorization, Token> authorizationToken(java.util.List<Authorization> authorizations) {
        return Batches.toOne(authorizations, Authorization::tokenId, tokens::findAll);
    }

    @SchemaMapping(typeName = "Reservation", field = "id")
    @PlainField
    String reservationId(Reservation reservation) {
        return GlobalId.encode(Types.RESERVATION, reservation.id());
    }

    @SchemaMapping(typeName = "Reservation", field = "status")
    Reservation.Status reservationStatus(Reservation reservation) {
        return reservation.statusAt(clock.instant());
    }

    @org.springframework.graphql.data.method.annotation.BatchMapping(typeName = Types.RESERVATION, field = "chargePoint")
    java.util.Map<Reservation, ChargePoint> reservationChargePoint(java.util.List<Reservation> reservations) {
        return Batches.toOne(reservations, Reservation::chargePointId, chargePoints::findAll);
    }

    @org.springframework.graphql.data.method.annotation.BatchMapping(typeName = Types.RESERVATION, field = "token")
    java.util.Map<Reservation, Token> reservationToken(java.util.List<Reservation> reservations) {
        return Batches.toOne(reservations, Reservation::tokenId, tokens::findAll);
    }

    @SchemaMapping(typeName = "Reservation", field = "command")
    ChargerCommand reservationCommand(Reservation reservation) {
        return reservation.commandId() == null ? null : commands.find(reservation.commandId()).orElse(null);
    }

    @SchemaMapping(typeName = "NetworkStatusChange", field = "previousStatus")
    @PlainField
    ChargerConnection.NetworkStatus previousStatus(NetworkStatusChange change) {
        return change.previous();
    }

    record SetEvseReservationTimeInput(String evseId, Integer minutes) {
    }

    record SetEvseReservationTimePayload(io.chargebase.domain.assets.Evse evse, java.util.List<io.chargebase.api.graphql.UserError> userErrors) {
    }

    @org.springframework.graphql.data.method.annotation.MutationMapping
    SetEvseReservationTimePayload setEvseReservationTime(@Argument SetEvseReservationTimeInput input) {
        return io.chargebase.api.graphql.UserError.attempt(() -> new SetEvseReservationTimePayload(chargePoints.setReservationMinutes(
                        GlobalId.require(Types.EVSE, input.evseId(), "evseId"), input.minutes()), java.util.List.of()),
                errors -> new SetEvseReservationTimePayload(null, errors));
    }

    @org.springframework.graphql.data.method.annotation.BatchMapping(typeName = Types.EVSE, field = "reservationMinutes")
    java.util.Map<io.chargebase.domain.assets.Evse, Integer> reservationMinutes(java.util.List<io.chargebase.domain.assets.Evse> evses) {
        java.util.Map<java.util.UUID, Integer> minutes = chargePoints.reservationMinutes(evses.stream().map(io.chargebase.domain.assets.Evse::id)
                .distinct().toList());
        java.util.Map<io.chargebase.domain.assets.Evse, Integer> result = new java.util.LinkedHashMap<>();
        evses.forEach(evse -> result.put(evse, minutes.get(evse.id())));
        return result;
    }

    private Connection<Authorization> authorizationPage(ChargerActivity.AuthorizationQuery query, Integer first, String after) {
        int size = Connection.pageSize(first);
        Page<Authorization> page = activity.authorizations(query, Connection.afterId(after), size);
        return Connection.of(page.items(), page.hasMore(), after != null, page.totalCount(), a -> a.id().toString());
    }

    private Connection<Reservation> reservationPage(Reservations.Query query, Integer first, String after) {
        int size = Connection.pageSize(first);
        Page<Reservation> page = reservations.list(query, Connection.afterId(after), size);
        return Connection.of(page.items(), page.hasMore(), after != null, page.totalCount(), r -> r.id().toString());
    }

    private static Long longCursor(String after) {
        if (after == null) {
            return null;
        }
        try {
            return Long.parseLong(Connection.decodeCursor(after));
        } catch (NumberFormatException malformed) {
            throw new BadRequestException("'after' is not a cursor this API returned.");
        }
    }
}
