package io.chargebase.api.graphql.operations;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.graphql.operations.CommandMutations.ChargerCommandPayload;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.assets.AssetTypes;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.ChargerAccess;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.ChargingSessions;
import io.chargebase.domain.charging.SessionQuery;
import io.chargebase.domain.charging.SessionStatus;
import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.DriverReservations;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.domain.tariffs.TariffSelection;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenStatus;
import io.chargebase.domain.tokens.Tokens;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * Start and stop from the driver app (issue 17 item 3), asked by the signed-in driver. The charger's command and the
 * pending session are the tenant's, not the driver's who asked, so they are logged and written for the whole tenant,
 * with the reasons {@value #STARTED_FROM_APP} and {@value #STOPPED_FROM_APP}.
 */
@Controller
class DriverSessionController {

    record StartMySessionInput(String evseId, String tokenId) {
    }

    record StopMySessionInput(String sessionId) {
    }

    record DriverSessionCommandPayload(ChargerCommand.Outcome outcome, String chargerStatus, String message, ChargingSession session,
            List<UserError> userErrors) {

        static DriverSessionCommandPayload refused(List<UserError> errors) {
            return new DriverSessionCommandPayload(null, null, null, null, errors);
        }
    }

    /** The reasons the actions log keeps for what drivers ask from the app. */
    static final String STARTED_FROM_APP = "Started from the driver app";
    static final String STOPPED_FROM_APP = "Stopped from the driver app";

    private final CommandMutations commands;
    private final RemoteStarts starts;
    private final ChargePoints chargePoints;
    private final TariffSelection selection;
    private final ChargerAccess access;
    private final Tokens tokens;
    private final ChargingSessions chargingSessions;
    private final DriverReservations driverReservations;

    DriverSessionController(CommandMutations commands, RemoteStarts starts, ChargePoints chargePoints, TariffSelection selection,
            ChargerAccess access, Tokens tokens, ChargingSessions chargingSessions, DriverReservations driverReservations) {
        this.driverReservations = driverReservations;
        this.commands = commands;
        this.starts = starts;
        this.chargePoints = chargePoints;
        this.selection = selection;
        this.access = access;
        this.tokens = tokens;
        this.chargingSessions = chargingSessions;
    }

    /**
     * The driver starts on an EVSE known by its EVSE ID with one of their own active tokens (the given one, else their
     * first active one). The EVSE is looked up in the driver's scope, so one of another tenant or on a charge point
     * hidden from them is not found; the operator's rules ({@code StartPermissions}), a private charge point's
     * invitations, an EVSE already in use or reserved for another driver refuse it before anything is sent.
     */
    @MutationMapping
    CompletionStage<DriverSessionCommandPayload> startMySession(@Argument StartMySessionInput input) {
        UUID profileId = ownProfile("startMySession");
        TenantScope.OfTenant tenant = (TenantScope.OfTenant) TenantContext.current();
        Evse evse;
        Token token;
        try {
            evse = driverEvse(input.evseId());
            token = driverToken(profileId, input.tokenId());
            starts.requirePermitted(evse.chargePointId(), evse.ocppNumber(), token.uid().value());
            TenantContext.runAs(tenant.whole(), () -> {
                if (!access.usableBy(evse.chargePointId(), profileId)) {
                    throw new DomainException(ErrorCode.NOT_USABLE, "evseId", "This charge point is private: only invited drivers charge here.");
                }
                if (occupied(evse)) {
                    throw new DomainException(ErrorCode.IN_USE, "evseId", "The EVSE " + evse.evseId() + " is in use; choose another one.");
                }
                if (driverReservations.reservedForAnother(evse, profileId)) {
                    throw new DomainException(ErrorCode.IN_USE, "evseId", "The EVSE " + evse.evseId() + " is reserved for another driver; choose another one.");
                }
            });
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; }, DriverSessionCommandPayload::refused));
        }
        String idTag = token.uid().value();
        UUID[] session = new UUID[1];
        boolean[] accepted = new boolean[1];
        TenantScope whole = TenantScope.of(tenant.tenantId());
        CompletionStage<ChargerCommandPayload> sent = TenantContext.callAs(whole, () -> commands.send(GlobalId.encode(Types.CHARGE_POINT,
                evse.chargePointId()), STARTED_FROM_APP, chargePointId -> new Command.RemoteStart(evse.ocppNumber(), idTag, null), answer -> {
                    if (answer.accepted()) {
                        session[0] = starts.expect(evse.chargePointId(), evse.ocppNumber(), idTag, null);
                    }
                }, completed -> accepted[0] = completed.accepted()));
        return sent.thenApply(payload -> driverOutcome(payload, accepted[0], session[0] == null ? null
                : TenantContext.callAs(whole, () -> chargingSessions.find(session[0]).orElse(null)), "start"));
    }

    /** The driver stops one of their own active sessions; it is read in the driver's scope, so someone else's is not found. */
    @MutationMapping
    CompletionStage<DriverSessionCommandPayload> stopMySession(@Argument StopMySessionInput input) {
        ownProfile("stopMySession");
        TenantScope.OfTenant tenant = (TenantScope.OfTenant) TenantContext.current();
        ChargingSession session;
        try {
            session = chargingSessions.find(GlobalId.require(Types.CHARGING_SESSION, input.sessionId(), "sessionId"))
                    .orElseThrow(() -> DomainException.notFound("sessionId", "charging session", input.sessionId()));
            if (session.status() != SessionStatus.ACTIVE || session.transactionId() == null) {
                throw new DomainException(ErrorCode.INVALID, "sessionId", "Only a session that is charging is stopped; this one is "
                        + session.status().name().toLowerCase(Locale.ROOT) + ".");
            }
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; }, DriverSessionCommandPayload::refused));
        }
        boolean[] accepted = new boolean[1];
        return TenantContext.callAs(TenantScope.of(tenant.tenantId()), () -> commands.send(GlobalId.encode(Types.CHARGE_POINT,
                session.chargePointId()), STOPPED_FROM_APP, chargePointId -> new Command.RemoteStop(session.transactionId()), answer -> { },
                completed -> accepted[0] = completed.accepted()))
                .thenApply(payload -> driverOutcome(payload, accepted[0], session, "stop"));
    }

    /** The EVSE with this EVSE ID as the driver may see it: not found when unknown, another tenant's, or hidden from them. */
    Evse driverEvse(String evseId) {
        return Optional.ofNullable(evseId).filter(id -> !id.isBlank()).flatMap(selection::evseByEvseId)
                .flatMap(chargePoints::findEvse)
                .filter(e -> chargePoints.statuses(List.of(e.chargePointId())).values().stream()
                        .allMatch(AssetTypes.ChargePointStatus::shownToDrivers))
                .orElseThrow(() -> DomainException.notFound("evseId", "EVSE", evseId));
    }

    static UUID ownProfile(String operation) {
        if (!(TenantContext.narrowing() instanceof TenantScope.Narrowing.OwnProfile(UUID profileId))
                || !(TenantContext.current() instanceof TenantScope.OfTenant)) {
            throw new BadRequestException(operation + " is asked by a signed-in driver.");
        }
        return profileId;
    }

    /** The driver's token to start with: the one asked for, which must be theirs and active, else their first active one. */
    Token driverToken(UUID profileId, String tokenId) {
        Instant now = Instant.now();
        if (tokenId == null) {
            return tokens.ownedBy(profileId).stream().filter(token -> token.statusAt(now) == TokenStatus.ACTIVE)
                    .findFirst().orElseThrow(() -> new DomainException(ErrorCode.NOT_USABLE, "tokenId",
                            "You have no active token to start with."));
        }
        Token token = tokens.find(GlobalId.require(Types.TOKEN, tokenId, "tokenId")).filter(found -> profileId.equals(found.ownerProfileId()))
                .orElseThrow(() -> DomainException.notFound("tokenId", "token", tokenId));
        if (token.statusAt(now) != TokenStatus.ACTIVE) {
            throw new DomainException(ErrorCode.NOT_USABLE, "tokenId", "The token is " + token.statusAt(now).name().toLowerCase(Locale.ROOT)
                    + "; a session starts with an active one.");
        }
        return token;
    }

    /** Whether a session waits for the car or charges at the EVSE (read for the whole tenant: it may be anyone's). */
    private boolean occupied(Evse evse) {
        for (SessionStatus status : List.of(SessionStatus.ACTIVE, SessionStatus.PENDING)) {
            if (chargingSessions.sessions(new SessionQuery(status, evse.chargePointId(), null, null, null), null,
                    Connection.MAX_PAGE_SIZE, false).items().stream().anyMatch(session -> evse.id().equals(session.evseId()))) {
                return true;
            }
        }
        return false;
    }

    private static DriverSessionCommandPayload driverOutcome(ChargerCommandPayload payload, boolean accepted, ChargingSession session,
            String what) {
        if (payload.command() == null) {
            return DriverSessionCommandPayload.refused(payload.userErrors());
        }
        ChargerCommand command = payload.command();
        String message = switch (command.outcome()) {
            case ANSWERED -> accepted ? "The charger accepted the " + what + "."
                    : "The charger refused the " + what + " (" + command.chargerStatus() + ").";
            case OFFLINE -> "The charger is offline; try again later or use your card.";
            case TIMED_OUT -> "The charger did not answer in time; check the charger before trying again.";
            case CALL_ERROR -> "The charger could not handle the " + what + ".";
            default -> "The " + what + " could not be sent to the charger.";
        };
        return new DriverSessionCommandPayload(command.outcome(), command.chargerStatus(), message, session, List.of());
    }
}
