package io.chargebase.api.graphql.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.chargebase.api.graphql.BadRequestException;
import io.chargebase.api.graphql.Batches;
import io.chargebase.api.graphql.Connection;
import io.chargebase.api.graphql.Caller;
import io.chargebase.api.graphql.GlobalId;
import io.chargebase.api.graphql.Types;
import io.chargebase.api.graphql.UserError;
import io.chargebase.api.ocpp.ChargerCommandException;
import io.chargebase.api.ocpp.ChargerCommands;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.assets.ChargePoint;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.operations.ChargerCommand;
import io.chargebase.domain.operations.ChargerCommandLog;
import io.chargebase.domain.operations.DiagnosticsLocations;
import io.chargebase.domain.operations.FileLocations;
import io.chargebase.domain.operations.LocalAuthList;
import io.chargebase.domain.operations.LocalAuthLists;
import io.chargebase.domain.operations.Reservations;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.charging.ChargingSession;
import io.chargebase.domain.organisation.Profiles;
import io.chargebase.domain.tariffs.Tariffs;
import io.chargebase.domain.tokens.Token;
import io.chargebase.domain.Page;
import io.chargebase.domain.tokens.Tokens;
import io.chargebase.ocpp.v16.Action16;
import io.chargebase.tenancy.TenantContext;
import io.chargebase.tenancy.TenantScope;

/**
 * The OCPP 1.6 central-system commands as mutations. Each is written to the actions log before it is sent and
 * completed with what came back; the mutation answers when the charger has answered, or with the outcome that
 * says why it did not (offline, timed out, refused).
 */
@Controller
class CommandController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record RemoteStartTransactionInput(String chargePointId, Integer connectorId, String idTag, String chargingProfileJson, String reason) {
    }

    record RemoteStopTransactionInput(String chargePointId, Integer transactionId, String reason) {
    }

    record ResetInput(String chargePointId, String type, String reason) {
    }

    record UnlockConnectorInput(String chargePointId, Integer connectorId, String reason) {
    }

    record ChangeAvailabilityInput(String chargePointId, Integer connectorId, String type, String reason) {
    }

    record ChangeConfigurationInput(String chargePointId, String key, String value, String reason) {
    }

    record GetConfigurationInput(String chargePointId, List<String> keys, String reason) {
    }

    record ChargePointCommandInput(String chargePointId, String reason) {
    }

    record TriggerMessageInput(String chargePointId, String requestedMessage, Integer connectorId, String reason) {
    }

    record ReserveNowInput(String chargePointId, Integer connectorId, Instant expiryDate, String idTag, String parentIdTag,
            Integer reservationId, String reason) {
    }

    record CancelReservationInput(String chargePointId, Integer reservationId, String reason) {
    }

    record SendLocalListInput(String chargePointId, String updateType, String reason) {
    }

    record SetChargingProfileInput(String chargePointId, Integer connectorId, String chargingProfileJson, String reason) {
    }

    record ClearChargingProfileInput(String chargePointId, Integer id, Integer connectorId, String purpose, Integer stackLevel, String reason) {
    }

    record GetCompositeScheduleInput(String chargePointId, Integer connectorId, Integer duration, String chargingRateUnit, String reason) {
    }

    record GetDiagnosticsInput(String chargePointId, String location, Integer retries, Integer retryInterval, Instant startTime,
            Instant stopTime, String reason) {
    }

    record UpdateFirmwareInput(String chargePointId, String location, Instant retrieveDate, Integer retries, Integer retryInterval,
            String reason) {
    }

    record DataTransferInput(String chargePointId, String vendorId, String messageId, String data, String reason) {
    }

    record ChargerCommandPayload(ChargerCommand command, List<UserError> userErrors) {
    }

    record StartSessionInput(String evseId, String profileId, String tokenId, String tariffId, String reason) {
    }

    record StopSessionInput(String sessionId, String reason) {
    }

    record StartSessionPayload(ChargerCommand command, ChargingSession session, List<UserError> userErrors) {
    }

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

    private final ChargerCommands sender;
    private final ChargerCommandLog log;
    private final LocalAuthLists localLists;
    private final ChargePoints chargePoints;
    private final Duration timeout;
    private final io.chargebase.domain.charging.ChargingStations stations;
    private final Tokens tokens;
    private final DiagnosticsLocations diagnosticsLocations;
    private final Reservations reservations;
    private final Profiles profiles;
    private final Tariffs tariffs;
    private final io.chargebase.domain.charging.ChargingSessions chargingSessions;
    private final io.chargebase.domain.tariffs.TariffSelection selection;
    private final io.chargebase.domain.assets.ChargerAccess access;
    private final io.chargebase.domain.operations.DriverReservations driverReservations;

    CommandController(ChargerCommands sender, ChargerCommandLog log, LocalAuthLists localLists, ChargePoints chargePoints,
            @Value("${chargebase.ocpp.command-timeout:PT30S}") Duration timeout, io.chargebase.domain.charging.ChargingStations stations,
            Tokens tokens, DiagnosticsLocations diagnosticsLocations, Reservations reservations, Profiles profiles, Tariffs tariffs,
            io.chargebase.domain.charging.ChargingSessions chargingSessions, io.chargebase.domain.tariffs.TariffSelection selection,
            io.chargebase.domain.assets.ChargerAccess access, io.chargebase.domain.operations.DriverReservations driverReservations) {
        this.driverReservations = driverReservations;
        this.chargingSessions = chargingSessions;
        this.selection = selection;
        this.access = access;
        this.reservations = reservations;
        this.profiles = profiles;
        this.tariffs = tariffs;
        this.tokens = tokens;
        this.diagnosticsLocations = diagnosticsLocations;
        this.stations = stations;
        this.sender = sender;
        this.log = log;
        this.localLists = localLists;
        this.chargePoints = chargePoints;
        this.timeout = timeout;
    }

    /** An accepted remote start leaves a pending session, which the charger's StartTransaction takes over (or the fail-start timeout fails). */
    @MutationMapping
    CompletionStage<ChargerCommandPayload> remoteStartTransaction(@Argument RemoteStartTransactionInput input) {
        ChargePoint[] chargePoint = new ChargePoint[1];
        return command(input.chargePointId(), Action16.REMOTE_START_TRANSACTION, input.reason(), payload -> {
            optional(payload, "connectorId", input.connectorId());
            payload.put("idTag", idTag("idTag", input.idTag()));
            tokens.requireUsable("idTag", input.idTag());
            if (input.chargingProfileJson() != null) {
                payload.set("chargingProfile", json("chargingProfileJson", input.chargingProfileJson()));
            }
            UUID chargePointId = GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId");
            chargePoint[0] = chargePoints.find(chargePointId).orElse(null);
            if (chargePoint[0] != null && TenantContext.current() instanceof TenantScope.OfTenant tenant) {
                // what the charger would refuse is refused here, before anything is sent or logged; the owner's account is
                // read for the whole tenant, as an OU admin's scope need not show it
                TenantContext.runAs(tenant.whole(), () -> stations.requireRemoteStart(chargePointId, input.connectorId(), input.idTag()));
            }
        }, answer -> {
            if ("Accepted".equals(answer.path("status").asString(null)) && chargePoint[0] != null
                    && TenantContext.current() instanceof TenantScope.OfTenant tenant) {
                // the pending session is the charger's, not the OU admin's who asked: it is written for the whole tenant
                TenantContext.callAs(TenantScope.of(tenant.tenantId()), () -> stations.expectStart(new io.chargebase.domain.charging.ChargerRef(
                        tenant.tenantId(), chargePoint[0].id(), chargePoint[0].ocppIdentity()), input.connectorId(), input.idTag()));
            }
        });
    }

    /**
     * Start Session (manual: EVSE Actions): RemoteStartTransaction at the EVSE with one of the chosen driver's tokens.
     * The token must be the driver's, usable, and one the caller may use (an OU admin: their subtree's, see
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
        return command(GlobalId.encode(Types.CHARGE_POINT, evse.chargePointId()), Action16.REMOTE_START_TRANSACTION, input.reason(), payload -> {
            UUID profileId = GlobalId.require(Types.PROFILE, input.profileId(), "profileId");
            profiles.find(profileId).orElseThrow(() -> DomainException.notFound("profileId", "profile", input.profileId()));
            Token token = tokens.find(GlobalId.require(Types.TOKEN, input.tokenId(), "tokenId"))
                    .orElseThrow(() -> DomainException.notFound("tokenId", "token", input.tokenId()));
            if (!profileId.equals(token.ownerProfileId())) {
                throw new DomainException(ErrorCode.INVALID, "tokenId", "The token is not one of the driver's.");
            }
            if (token.statusAt(Instant.now()) != io.chargebase.domain.tokens.TokenStatus.ACTIVE) {
                throw new DomainException(ErrorCode.INVALID, "tokenId", "The token is " + token.statusAt(Instant.now()).name().toLowerCase(Locale.ROOT)
                        + "; a session starts with an active one.");
            }
            idTag[0] = token.uid().value();
            tokens.requireUsable("tokenId", idTag[0]);
            if (input.tariffId() != null) {
                tariff[0] = tariffs.find(GlobalId.require(Types.TARIFF, input.tariffId(), "tariffId"))
                        .orElseThrow(() -> DomainException.notFound("tariffId", "tariff", input.tariffId())).id();
            }
            payload.put("connectorId", evse.ocppNumber()).put("idTag", idTag[0]);
        }, answer -> {
            if ("Accepted".equals(answer.path("status").asString(null)) && TenantContext.current() instanceof TenantScope.OfTenant tenant) {
                ChargePoint chargePoint = chargePoints.find(evse.chargePointId()).orElseThrow();
                // the pending session is the charger's, not the OU admin's who asked: it is written for the whole tenant
                session[0] = TenantContext.callAs(TenantScope.of(tenant.tenantId()), () -> chargingSessions.find(stations.expectStart(
                        new io.chargebase.domain.charging.ChargerRef(tenant.tenantId(), chargePoint.id(), chargePoint.ocppIdentity()),
                        evse.ocppNumber(), idTag[0], tariff[0])).orElse(null));
            }
        }).thenApply(payload -> new StartSessionPayload(payload.command(), session[0], payload.userErrors()));
    }

    /** Stop Session (manual: EVSE Actions): RemoteStopTransaction for the session's transaction, at its charge point. */
    @MutationMapping
    CompletionStage<ChargerCommandPayload> stopSession(@Argument StopSessionInput input) {
        ChargingSession session;
        try {
            ChargerCommandLog.reason(input.reason());
            session = chargingSessions.find(GlobalId.require(Types.CHARGING_SESSION, input.sessionId(), "sessionId"))
                    .orElseThrow(() -> DomainException.notFound("sessionId", "charging session", input.sessionId()));
            if (session.status() != io.chargebase.domain.charging.SessionStatus.ACTIVE || session.transactionId() == null) {
                throw new DomainException(ErrorCode.INVALID, "sessionId", "Only an active session is stopped; this one is "
                        + session.status().name().toLowerCase(Locale.ROOT) + ".");
            }
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; }, errors -> new ChargerCommandPayload(null, errors)));
        }
        return command(GlobalId.encode(Types.CHARGE_POINT, session.chargePointId()), Action16.REMOTE_STOP_TRANSACTION, input.reason(),
                payload -> payload.put("transactionId", session.transactionId()));
    }

    /**
     * Start from the driver app (issue 17 item 3): the signed-in driver starts on an EVSE known by its EVSE ID with one of
     * their own active tokens (the given one, else their first active one). The EVSE is looked up in the driver's scope,
     * so one of another tenant or on a charge point hidden from them is not found; the operator's rules
     * ({@code StartPermissions}), a private charge point's invitations, an EVSE already in use or reserved for another
     * driver refuse it before
     * anything is sent. The command is logged and the pending session written for the whole tenant, as the charger's.
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
            TenantContext.runAs(tenant.whole(), () -> {
                stations.requireRemoteStart(evse.chargePointId(), evse.ocppNumber(), token.uid().value());
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
        TenantScope whole = TenantScope.of(tenant.tenantId());
        // the charger's command and pending session are the tenant's, not the driver's who asked
        CompletionStage<ChargerCommandPayload> sent = TenantContext.callAs(whole, () -> command(GlobalId.encode(Types.CHARGE_POINT,
                evse.chargePointId()), Action16.REMOTE_START_TRANSACTION, STARTED_FROM_APP,
                payload -> payload.put("connectorId", evse.ocppNumber()).put("idTag", idTag), answer -> {
                    if ("Accepted".equals(answer.path("status").asString(null))) {
                        ChargePoint chargePoint = chargePoints.find(evse.chargePointId()).orElseThrow();
                        session[0] = stations.expectStart(new io.chargebase.domain.charging.ChargerRef(tenant.tenantId(), chargePoint.id(),
                                chargePoint.ocppIdentity()), evse.ocppNumber(), idTag);
                    }
                }));
        return sent.thenApply(payload -> driverOutcome(payload, session[0] == null ? null
                : TenantContext.callAs(whole, () -> chargingSessions.find(session[0]).orElse(null)), "start"));
    }

    /**
     * Stop from the driver app: RemoteStopTransaction for one of the driver's own active sessions. The session is read in
     * the driver's scope, so someone else's is not found.
     */
    @MutationMapping
    CompletionStage<DriverSessionCommandPayload> stopMySession(@Argument StopMySessionInput input) {
        ownProfile("stopMySession");
        TenantScope.OfTenant tenant = (TenantScope.OfTenant) TenantContext.current();
        ChargingSession session;
        try {
            session = chargingSessions.find(GlobalId.require(Types.CHARGING_SESSION, input.sessionId(), "sessionId"))
                    .orElseThrow(() -> DomainException.notFound("sessionId", "charging session", input.sessionId()));
            if (session.status() != io.chargebase.domain.charging.SessionStatus.ACTIVE || session.transactionId() == null) {
                throw new DomainException(ErrorCode.INVALID, "sessionId", "Only a session that is charging is stopped; this one is "
                        + session.status().name().toLowerCase(Locale.ROOT) + ".");
            }
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; }, DriverSessionCommandPayload::refused));
        }
        return TenantContext.callAs(TenantScope.of(tenant.tenantId()), () -> command(GlobalId.encode(Types.CHARGE_POINT, session.chargePointId()),
                Action16.REMOTE_STOP_TRANSACTION, STOPPED_FROM_APP, payload -> payload.put("transactionId", session.transactionId())))
                .thenApply(payload -> driverOutcome(payload, session, "stop"));
    }

    /** The EVSE with this EVSE ID as the driver may see it: not found when unknown, another tenant's, or hidden from them. */
    Evse driverEvse(String evseId) {
        return Optional.ofNullable(evseId).filter(id -> !id.isBlank()).flatMap(selection::evseByEvseId)
                .flatMap(chargePoints::findEvse)
                .filter(e -> chargePoints.statuses(List.of(e.chargePointId())).values().stream()
                        .allMatch(io.chargebase.domain.assets.AssetTypes.ChargePointStatus::shownToDrivers))
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
            return tokens.ownedBy(profileId).stream().filter(token -> token.statusAt(now) == io.chargebase.domain.tokens.TokenStatus.ACTIVE)
                    .findFirst().orElseThrow(() -> new DomainException(ErrorCode.NOT_USABLE, "tokenId",
                            "You have no active token to start with."));
        }
        Token token = tokens.find(GlobalId.require(Types.TOKEN, tokenId, "tokenId")).filter(found -> profileId.equals(found.ownerProfileId()))
                .orElseThrow(() -> DomainException.notFound("tokenId", "token", tokenId));
        if (token.statusAt(now) != io.chargebase.domain.tokens.TokenStatus.ACTIVE) {
            throw new DomainException(ErrorCode.NOT_USABLE, "tokenId", "The token is " + token.statusAt(now).name().toLowerCase(Locale.ROOT)
                    + "; a session starts with an active one.");
        }
        return token;
    }

    /** Whether a session waits for the car or charges at the EVSE (read for the whole tenant: it may be anyone's). */
    private boolean occupied(Evse evse) {
        for (io.chargebase.domain.charging.SessionStatus status : List.of(io.chargebase.domain.charging.SessionStatus.ACTIVE,
                io.chargebase.domain.charging.SessionStatus.PENDING)) {
            if (chargingSessions.sessions(new io.chargebase.domain.charging.SessionQuery(status, evse.chargePointId(), null, null, null), null,
                    Connection.MAX_PAGE_SIZE, false).items().stream().anyMatch(session -> evse.id().equals(session.evseId()))) {
                return true;
            }
        }
        return false;
    }

    private static DriverSessionCommandPayload driverOutcome(ChargerCommandPayload payload, ChargingSession session, String what) {
        if (payload.command() == null) {
            return DriverSessionCommandPayload.refused(payload.userErrors());
        }
        ChargerCommand command = payload.command();
        String message = switch (command.outcome()) {
            case ANSWERED -> "Accepted".equals(command.chargerStatus()) ? "The charger accepted the " + what + "."
                    : "The charger refused the " + what + " (" + command.chargerStatus() + ").";
            case OFFLINE -> "The charger is offline; try again later or use your card.";
            case TIMED_OUT -> "The charger did not answer in time; check the charger before trying again.";
            case CALL_ERROR -> "The charger could not handle the " + what + ".";
            default -> "The " + what + " could not be sent to the charger.";
        };
        return new DriverSessionCommandPayload(command.outcome(), command.chargerStatus(), message, session, List.of());
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> remoteStopTransaction(@Argument RemoteStopTransactionInput input) {
        return command(input.chargePointId(), Action16.REMOTE_STOP_TRANSACTION, input.reason(),
                payload -> payload.put("transactionId", input.transactionId()));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> reset(@Argument ResetInput input) {
        return command(input.chargePointId(), Action16.RESET, input.reason(), payload -> payload.put("type", pascal(input.type())));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> unlockConnector(@Argument UnlockConnectorInput input) {
        return command(input.chargePointId(), Action16.UNLOCK_CONNECTOR, input.reason(), payload -> payload.put("connectorId", input.connectorId()));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> changeAvailability(@Argument ChangeAvailabilityInput input) {
        return command(input.chargePointId(), Action16.CHANGE_AVAILABILITY, input.reason(), payload -> payload
                .put("connectorId", input.connectorId()).put("type", pascal(input.type())));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> changeConfiguration(@Argument ChangeConfigurationInput input) {
        return command(input.chargePointId(), Action16.CHANGE_CONFIGURATION, input.reason(), payload -> payload
                .put("key", input.key()).put("value", input.value()));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> getConfiguration(@Argument GetConfigurationInput input) {
        return command(input.chargePointId(), Action16.GET_CONFIGURATION, input.reason(), payload -> {
            if (input.keys() != null) {
                ArrayNode keys = payload.putArray("key");
                input.keys().forEach(keys::add);
            }
        });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> clearCache(@Argument ChargePointCommandInput input) {
        return command(input.chargePointId(), Action16.CLEAR_CACHE, input.reason(), payload -> { });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> triggerMessage(@Argument TriggerMessageInput input) {
        return command(input.chargePointId(), Action16.TRIGGER_MESSAGE, input.reason(), payload -> {
            payload.put("requestedMessage", pascal(input.requestedMessage()));
            optional(payload, "connectorId", input.connectorId());
        });
    }

    /** The reservation is recorded with what the charger answered (see {@link Reservations}). */
    @MutationMapping
    CompletionStage<ChargerCommandPayload> reserveNow(@Argument ReserveNowInput input) {
        int[] reservationId = new int[1];
        Instant[] expiry = new Instant[1];
        return command(input.chargePointId(), Action16.RESERVE_NOW, input.reason(), payload -> {
            expiry[0] = expiry(GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId"), input.connectorId(), input.expiryDate());
            if (!expiry[0].isAfter(Instant.now())) {
                throw new DomainException(ErrorCode.INVALID, "expiryDate", "A reservation expires in the future.");
            }
            reservationId[0] = input.reservationId() != null ? input.reservationId() : ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
            payload.put("connectorId", input.connectorId()).put("expiryDate", expiry[0].toString())
                    .put("idTag", idTag("idTag", input.idTag()))
                    .put("reservationId", reservationId[0]);
            tokens.requireUsable("idTag", input.idTag());
            if (input.parentIdTag() != null) {
                payload.put("parentIdTag", idTag("parentIdTag", input.parentIdTag()));
                tokens.requireUsable("parentIdTag", input.parentIdTag());
            }
        }, answer -> { }, completed -> reservations.record(completed, input.connectorId(), reservationId[0], input.idTag(), expiry[0]));
    }

    /**
     * When a reservation expires: as asked, else after the EVSE's reservation time (for connector 0, the shortest of the
     * charge point's). An EVSE whose reservation time is 0 takes no reservations; nor does a charge point whose EVSEs all do.
     */
    private Instant expiry(UUID chargePointId, Integer connectorId, Instant asked) {
        List<Evse> evses = chargePoints.evsesOf(List.of(chargePointId)).getOrDefault(chargePointId, List.of()).stream()
                .filter(evse -> connectorId == null || connectorId == 0 || evse.ocppNumber() == connectorId).toList();
        java.util.Map<UUID, Integer> minutes = chargePoints.reservationMinutes(evses.stream().map(Evse::id).toList());
        if (!evses.isEmpty() && evses.stream().allMatch(evse -> Integer.valueOf(0).equals(minutes.get(evse.id())))) {
            throw new DomainException(ErrorCode.INVALID, "connectorId", "Reservations are disabled at this EVSE (its reservation time is 0).");
        }
        if (asked != null) {
            return asked;
        }
        return minutes.values().stream().filter(m -> m > 0).min(Integer::compare)
                .map(m -> Instant.now().plus(Duration.ofMinutes(m)))
                .orElseThrow(() -> new DomainException(ErrorCode.REQUIRED, "expiryDate", "Give an expiry: the EVSE has no reservation time."));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> cancelReservation(@Argument CancelReservationInput input) {
        return command(input.chargePointId(), Action16.CANCEL_RESERVATION, input.reason(), payload -> payload.put("reservationId", input.reservationId()),
                answer -> { }, completed -> {
                    if ("Accepted".equals(completed.chargerStatus())) {
                        reservations.cancelled(completed.chargePointId(), input.reservationId());
                    }
                });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> sendLocalList(@Argument SendLocalListInput input) {
        UUID[] chargePoint = new UUID[1];
        LocalAuthList[] list = new LocalAuthList[1];
        return command(input.chargePointId(), Action16.SEND_LOCAL_LIST, input.reason(), payload -> {
            chargePoint[0] = GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId");
            list[0] = localLists.build(chargePoint[0], "FULL".equals(input.updateType()));
            payload.put("listVersion", list[0].version()).put("updateType", list[0].full() ? "Full" : "Differential");
            ArrayNode entries = payload.putArray("localAuthorizationList");
            for (LocalAuthList.Entry entry : list[0].entries()) {
                ObjectNode info = entries.addObject().put("idTag", entry.idTag()).putObject("idTagInfo").put("status", entry.status());
                if (entry.expiry() != null) {
                    info.put("expiryDate", entry.expiry().toString());
                }
            }
        }, answer -> {
            if ("Accepted".equals(answer.path("status").asString(null))) {
                localLists.accepted(chargePoint[0], list[0]);
            }
        });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> getLocalListVersion(@Argument ChargePointCommandInput input) {
        return command(input.chargePointId(), Action16.GET_LOCAL_LIST_VERSION, input.reason(), payload -> { });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> setChargingProfile(@Argument SetChargingProfileInput input) {
        return command(input.chargePointId(), Action16.SET_CHARGING_PROFILE, input.reason(), payload -> payload
                .put("connectorId", input.connectorId()).set("csChargingProfiles", json("chargingProfileJson", input.chargingProfileJson())));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> clearChargingProfile(@Argument ClearChargingProfileInput input) {
        return command(input.chargePointId(), Action16.CLEAR_CHARGING_PROFILE, input.reason(), payload -> {
            optional(payload, "id", input.id());
            optional(payload, "connectorId", input.connectorId());
            if (input.purpose() != null) {
                payload.put("chargingProfilePurpose", pascal(input.purpose()));
            }
            optional(payload, "stackLevel", input.stackLevel());
        });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> getCompositeSchedule(@Argument GetCompositeScheduleInput input) {
        return command(input.chargePointId(), Action16.GET_COMPOSITE_SCHEDULE, input.reason(), payload -> {
            payload.put("connectorId", input.connectorId()).put("duration", input.duration());
            if (input.chargingRateUnit() != null) {
                payload.put("chargingRateUnit", input.chargingRateUnit());
            }
        });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> getDiagnostics(@Argument GetDiagnosticsInput input) {
        return command(input.chargePointId(), Action16.GET_DIAGNOSTICS, input.reason(), payload -> {
            payload.put("location", diagnosticsLocations.forRequest("location", input.location()));
            optional(payload, "retries", input.retries());
            optional(payload, "retryInterval", input.retryInterval());
            if (input.startTime() != null) {
                payload.put("startTime", input.startTime().toString());
            }
            if (input.stopTime() != null) {
                payload.put("stopTime", input.stopTime().toString());
            }
        });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> updateFirmware(@Argument UpdateFirmwareInput input) {
        return command(input.chargePointId(), Action16.UPDATE_FIRMWARE, input.reason(), payload -> {
            payload.put("location", FileLocations.validated("location", input.location())).put("retrieveDate", input.retrieveDate().toString());
            optional(payload, "retries", input.retries());
            optional(payload, "retryInterval", input.retryInterval());
        });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> dataTransfer(@Argument DataTransferInput input) {
        return command(input.chargePointId(), Action16.DATA_TRANSFER, input.reason(), payload -> {
            payload.put("vendorId", input.vendorId());
            if (input.messageId() != null) {
                payload.put("messageId", input.messageId());
            }
            if (input.data() != null) {
                payload.put("data", input.data());
            }
        });
    }

    @SchemaMapping(typeName = Types.CHARGER_COMMAND, field = "id")
    String commandId(ChargerCommand command) {
        return GlobalId.encode(Types.CHARGER_COMMAND, command.id());
    }

    @BatchMapping(typeName = Types.CHARGER_COMMAND, field = "chargePoint")
    java.util.Map<ChargerCommand, ChargePoint> commandChargePoint(List<ChargerCommand> commands) {
        return Batches.toOne(commands, ChargerCommand::chargePointId, chargePoints::findAll);
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "commands")
    Connection<ChargerCommand> commands(ChargePoint chargePoint, @Argument Integer first, @Argument String after) {
        int size = Connection.pageSize(first);
        UUID afterId = Connection.afterId(after);
        Page<ChargerCommand> page = log.list(chargePoint.id(), afterId, size);
        return Connection.of(page.items(), page.hasMore(), after != null, page.totalCount(), command -> command.id().toString());
    }

    @SchemaMapping(typeName = Types.CHARGE_POINT, field = "localListVersion")
    Integer localListVersion(ChargePoint chargePoint) {
        return localLists.version(chargePoint.id()).orElse(null);
    }

    private CompletionStage<ChargerCommandPayload> command(String chargePointId, Action16 action, String reason, Consumer<ObjectNode> build) {
        return command(chargePointId, action, reason, build, answer -> { });
    }

    private CompletionStage<ChargerCommandPayload> command(String chargePointId, Action16 action, String reason, Consumer<ObjectNode> build,
            Consumer<JsonNode> onAnswer) {
        return command(chargePointId, action, reason, build, onAnswer, completed -> { });
    }

    /** ReserveNow as the drivers' reservations send it ({@code ReservationController}), logged like every command. */
    CompletionStage<ChargerCommandPayload> sendReserveNow(String chargePointId, String reason, Consumer<ObjectNode> build,
            Consumer<ChargerCommand> onCompleted) {
        return command(chargePointId, Action16.RESERVE_NOW, reason, build, answer -> { }, onCompleted);
    }

    /** CancelReservation as the drivers' reservations send it. */
    CompletionStage<ChargerCommandPayload> sendCancelReservation(String chargePointId, String reason, Consumer<ObjectNode> build,
            Consumer<ChargerCommand> onCompleted) {
        return command(chargePointId, Action16.CANCEL_RESERVATION, reason, build, answer -> { }, onCompleted);
    }

    /**
     * Logs, sends and completes one command. Building the payload and logging run in the caller's transaction scope;
     * the answer arrives on another thread, so completing the log entry runs in the scope captured here.
     */
    private CompletionStage<ChargerCommandPayload> command(String chargePointId, Action16 action, String reason, Consumer<ObjectNode> build,
            Consumer<JsonNode> onAnswer, Consumer<ChargerCommand> onCompleted) {
        TenantScope scope = TenantContext.current();
        if (!(scope instanceof TenantScope.OfTenant tenant)) {
            throw new BadRequestException("Commands are sent for a tenant.");
        }
        ChargerCommand logged;
        ObjectNode payload = JSON.createObjectNode();
        try {
            // the manual asks a reason of every action, kept with it in the actions log: without one nothing is built or sent
            String why = ChargerCommandLog.reason(reason);
            UUID id = GlobalId.require(Types.CHARGE_POINT, chargePointId, "chargePointId");
            build.accept(payload);
            logged = log.begin(id, action.actionName(), JSON.writeValueAsString(payload), why, Caller.name());
        } catch (DomainException | GlobalId.UnknownIdException refused) {
            return CompletableFuture.completedFuture(UserError.attempt(() -> { throw refused; }, errors -> new ChargerCommandPayload(null, errors)));
        }
        CompletionStage<JsonNode> answer;
        try {
            answer = sender.call(tenant.tenantId(), logged.chargePointId(), action, payload, timeout);
        } catch (RuntimeException notSent) {
            answer = CompletableFuture.failedFuture(notSent);
        }
        return answer.handle((response, failure) -> TenantContext.callAs(scope, () -> {
            if (failure == null) {
                onAnswer.accept(response);
                ChargerCommand answered = log.complete(logged.id(), ChargerCommand.Outcome.ANSWERED, response.path("status").asString(null),
                        JSON.writeValueAsString(response), null);
                onCompleted.accept(answered);
                return new ChargerCommandPayload(answered, List.of());
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            ChargerCommand.Outcome outcome = switch (cause) {
                case ChargerCommandException.Offline offline -> ChargerCommand.Outcome.OFFLINE;
                case ChargerCommandException.TimedOut timedOut -> ChargerCommand.Outcome.TIMED_OUT;
                case ChargerCommandException.Rejected rejected -> ChargerCommand.Outcome.CALL_ERROR;
                default -> ChargerCommand.Outcome.FAILED;
            };
            ChargerCommand unanswered = log.complete(logged.id(), outcome, null, null, String.valueOf(cause.getMessage()));
            onCompleted.accept(unanswered);
            return new ChargerCommandPayload(unanswered, List.of());
        }));
    }

    private static void optional(ObjectNode payload, String field, Integer value) {
        if (value != null) {
            payload.put(field, value);
        }
    }

    /** GraphQL enum names (HARD, TX_DEFAULT_PROFILE) in OCPP's spelling (Hard, TxDefaultProfile). */
    static String pascal(String constant) {
        StringBuilder out = new StringBuilder();
        for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
            out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return out.toString();
    }

    private static String idTag(String field, String idTag) {
        if (idTag == null || idTag.isBlank() || idTag.length() > 20) {
            throw new DomainException(ErrorCode.INVALID, field, "An OCPP 1.6 id tag has 1 to 20 characters.");
        }
        return idTag;
    }

    private static JsonNode json(String field, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw new DomainException(ErrorCode.INVALID, field, "Expected a JSON object.");
            }
            return node;
        } catch (tools.jackson.core.JacksonException e) {
            throw new DomainException(ErrorCode.INVALID, field, "Not JSON: " + e.getOriginalMessage());
        }
    }

}
