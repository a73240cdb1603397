package io.chargebase.api.graphql.operations;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.graphql.operations.CommandMutations.ChargerCommandPayload;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.charging.ChargingSessions;
import io.chargebase.domain.charging.SessionStatus;
import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.ChargerCommandLog;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.domain.tariffs.Tariffs;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.tokens.TokenStatus;
import io.chargebase.domain.tokens.Tokens;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * The manual's EVSE Actions for a driver's session, run by staff: Start Session (a chosen driver, one of their tokens,
 * optionally a tariff) and Stop Session (by the session, not by the charger's transaction number).
 */
@Controller
class SessionCommandController {

    record StartSessionInput(String evseId, String profileId, String tokenId, String tariffId, String reason) {
    }

    record StopSessionInput(String sessionId, String reason) {
    }

    record StartSessionPayload(ChargerCommand command, ChargingSession session, List<UserError> userErrors) {
    }

    private final CommandMutations commands;
    private final RemoteStarts starts;
    private final ChargePoints chargePoints;
    private final Profiles profiles;
    private final Tokens tokens;
    private final Tariffs tariffs;
    private final ChargingSessions chargingSessions;

    SessionCommandController(CommandMutations commands, RemoteStarts starts, ChargePoints chargePoints, Profiles profiles, Tokens tokens,
            Tariffs tariffs, ChargingSessions chargingSessions) {
        this.commands = commands;
        this.starts = starts;
        this.chargePoints = chargePoints;
        this.profiles = profiles;
        this.tokens = tokens;
        this.tariffs = tariffs;
        this.chargingSessions = chargingSessions;
    }

    /**
     * Start Session (manual: EVSE Actions): a remote start at the EVSE with one of the chosen driver's tokens. The token
     * must be the driver's, usable, and one the caller may use (an OU admin: their subtree's, see
     * {@link Tokens#requireUsable}); the chosen tariff, if any, prices the session (see {@code TariffSelection#chosen}).
     */
    @MutationMapping
    CompletionStage<StartSessionPayload> startSession(@Argument StartSessionInput input) {
        Evse evse;
        try {
            ChargerCommandLog.reason(input.reason());
            evse = chargePoints.findEvse(GlobalId.require(Types.EVSE, input.evseId(), "evseId"))
                    .orElseThrow(() -> DomainException.notFound("evseId", "EVSE", input.evseId()));
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; },
                    errors -> new StartSessionPayload(null, null, errors)));
        }
        String[] idTag = new String[1];
        UUID[] tariff = new UUID[1];
        ChargingSession[] session = new ChargingSession[1];
        return commands.send(GlobalId.encode(Types.CHARGE_POINT, evse.chargePointId()), input.reason(), chargePointId -> {
            UUID profileId = GlobalId.require(Types.PROFILE, input.profileId(), "profileId");
            profiles.find(profileId).orElseThrow(() -> DomainException.notFound("profileId", "profile", input.profileId()));
            Token token = tokens.find(GlobalId.require(Types.TOKEN, input.tokenId(), "tokenId"))
                    .orElseThrow(() -> DomainException.notFound("tokenId", "token", input.tokenId()));
            if (!profileId.equals(token.ownerProfileId())) {
                throw new DomainException(ErrorCode.INVALID, "tokenId", "The token is not one of the driver's.");
            }
            if (token.statusAt(Instant.now()) != TokenStatus.ACTIVE) {
                throw new DomainException(ErrorCode.INVALID, "tokenId", "The token is " + token.statusAt(Instant.now()).name().toLowerCase(Locale.ROOT)
                        + "; a session starts with an active one.");
            }
            idTag[0] = token.uid().value();
            tokens.requireUsable("tokenId", idTag[0]);
            if (input.tariffId() != null) {
                tariff[0] = tariffs.find(GlobalId.require(Types.TARIFF, input.tariffId(), "tariffId"))
                        .orElseThrow(() -> DomainException.notFound("tariffId", "tariff", input.tariffId())).id();
            }
            return new Command.RemoteStart(evse.ocppNumber(), idTag[0], null);
        }, answer -> {
            if (answer.accepted()) {
                UUID pending = starts.expect(evse.chargePointId(), evse.ocppNumber(), idTag[0], tariff[0]);
                session[0] = TenantContext.callAs(TenantScope.of(((TenantScope.OfTenant) TenantContext.current()).tenantId()),
                        () -> chargingSessions.find(pending).orElse(null));
            }
        }, sent -> { }).thenApply(payload -> new StartSessionPayload(payload.command(), session[0], payload.userErrors()));
    }

    /** Stop Session (manual: EVSE Actions): a remote stop of the session's transaction, at its charge point. */
    @MutationMapping
    CompletionStage<ChargerCommandPayload> stopSession(@Argument StopSessionInput input) {
        ChargingSession session;
        try {
            ChargerCommandLog.reason(input.reason());
            session = chargingSessions.find(GlobalId.require(Types.CHARGING_SESSION, input.sessionId(), "sessionId"))
                    .orElseThrow(() -> DomainException.notFound("sessionId", "charging session", input.sessionId()));
            if (session.status() != SessionStatus.ACTIVE || session.transactionId() == null) {
                throw new DomainException(ErrorCode.INVALID, "sessionId", "Only an active session is stopped; this one is "
                        + session.status().name().toLowerCase(Locale.ROOT) + ".");
            }
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; }, errors -> new ChargerCommandPayload(null, errors)));
        }
        return commands.send(GlobalId.encode(Types.CHARGE_POINT, session.chargePointId()), input.reason(),
                chargePointId -> new Command.RemoteStop(session.transactionId()));
    }
}
