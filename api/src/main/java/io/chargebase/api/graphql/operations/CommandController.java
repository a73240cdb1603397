package io.chargebase.api.graphql.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
import io.chargebase.domain.organisation.Page;
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

    private final ChargerCommands sender;
    private final ChargerCommandLog log;
    private final LocalAuthLists localLists;
    private final ChargePoints chargePoints;
    private final Duration timeout;
    private final io.chargebase.domain.charging.ChargingStations stations;
    private final Tokens tokens;
    private final DiagnosticsLocations diagnosticsLocations;

    CommandController(ChargerCommands sender, ChargerCommandLog log, LocalAuthLists localLists, ChargePoints chargePoints,
            @Value("${chargebase.ocpp.command-timeout:PT30S}") Duration timeout, io.chargebase.domain.charging.ChargingStations stations,
            Tokens tokens, DiagnosticsLocations diagnosticsLocations) {
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
            chargePoint[0] = chargePoints.find(GlobalId.require(Types.CHARGE_POINT, input.chargePointId(), "chargePointId")).orElse(null);
        }, answer -> {
            if ("Accepted".equals(answer.path("status").asString(null)) && chargePoint[0] != null
                    && TenantContext.current() instanceof TenantScope.OfTenant tenant) {
                // the pending session is the charger's, not the OU admin's who asked: it is written for the whole tenant
                TenantContext.callAs(TenantScope.of(tenant.tenantId()), () -> stations.expectStart(new io.chargebase.domain.charging.ChargerRef(
                        tenant.tenantId(), chargePoint[0].id(), chargePoint[0].ocppIdentity()), input.connectorId(), input.idTag()));
            }
        });
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

    @MutationMapping
    CompletionStage<ChargerCommandPayload> reserveNow(@Argument ReserveNowInput input) {
        return command(input.chargePointId(), Action16.RESERVE_NOW, input.reason(), payload -> {
            if (!input.expiryDate().isAfter(Instant.now())) {
                throw new DomainException(ErrorCode.INVALID, "expiryDate", "A reservation expires in the future.");
            }
            payload.put("connectorId", input.connectorId()).put("expiryDate", input.expiryDate().toString())
                    .put("idTag", idTag("idTag", input.idTag()))
                    .put("reservationId", input.reservationId() != null ? input.reservationId() : ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE));
            tokens.requireUsable("idTag", input.idTag());
            if (input.parentIdTag() != null) {
                payload.put("parentIdTag", idTag("parentIdTag", input.parentIdTag()));
                tokens.requireUsable("parentIdTag", input.parentIdTag());
            }
        });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> cancelReservation(@Argument CancelReservationInput input) {
        return command(input.chargePointId(), Action16.CANCEL_RESERVATION, input.reason(), payload -> payload.put("reservationId", input.reservationId()));
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

    /**
     * Logs, sends and completes one command. Building the payload and logging run in the caller's transaction scope;
     * the answer arrives on another thread, so completing the log entry runs in the scope captured here.
     */
    private CompletionStage<ChargerCommandPayload> command(String chargePointId, Action16 action, String reason, Consumer<ObjectNode> build,
            Consumer<JsonNode> onAnswer) {
        TenantScope scope = TenantContext.current();
        if (!(scope instanceof TenantScope.OfTenant tenant)) {
            throw new BadRequestException("Commands are sent for a tenant.");
        }
        ChargerCommand logged;
        ObjectNode payload = JSON.createObjectNode();
        try {
            UUID id = GlobalId.require(Types.CHARGE_POINT, chargePointId, "chargePointId");
            build.accept(payload);
            logged = log.begin(id, action.actionName(), JSON.writeValueAsString(payload), reason, Caller.name());
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
                return new ChargerCommandPayload(log.complete(logged.id(), ChargerCommand.Outcome.ANSWERED, response.path("status").asString(null),
                        JSON.writeValueAsString(response), null), List.of());
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            ChargerCommand.Outcome outcome = switch (cause) {
                case ChargerCommandException.Offline offline -> ChargerCommand.Outcome.OFFLINE;
                case ChargerCommandException.TimedOut timedOut -> ChargerCommand.Outcome.TIMED_OUT;
                case ChargerCommandException.Rejected rejected -> ChargerCommand.Outcome.CALL_ERROR;
                default -> ChargerCommand.Outcome.FAILED;
            };
            return new ChargerCommandPayload(log.complete(logged.id(), outcome, null, null, String.valueOf(cause.getMessage())), List.of());
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
