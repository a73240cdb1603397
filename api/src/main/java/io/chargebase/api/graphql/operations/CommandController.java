package io.chargebase.api.graphql.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chargebase.api.graphql.operations.CommandMutations.ChargerCommandPayload;
import io.chargebase.domain.DomainException;
import io.chargebase.domain.ErrorCode;
import io.chargebase.domain.assets.ChargePoints;
import io.chargebase.domain.assets.Evse;
import io.chargebase.domain.operations.DiagnosticsLocations;
import io.chargebase.domain.operations.FileLocations;
import io.chargebase.domain.operations.LocalAuthList;
import io.chargebase.domain.operations.LocalAuthLists;
import io.chargebase.domain.operations.Reservations;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.domain.tokens.Tokens;

/**
 * The central-system commands as mutations: each maps its input to a domain {@link Command} (refusing bad input before
 * anything is logged or sent) and runs it through {@link CommandMutations}, which logs, sends and answers with what
 * came back. Which protocol carries it is the OCPP adapter's business. Sessions started and stopped for a driver are
 * {@link SessionCommandController}'s and {@link DriverSessionController}'s; the actions log is read through
 * {@link CommandLogController}.
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

    private final CommandMutations commands;
    private final RemoteStarts starts;
    private final ChargePoints chargePoints;
    private final Tokens tokens;
    private final LocalAuthLists localLists;
    private final Reservations reservations;
    private final DiagnosticsLocations diagnosticsLocations;

    CommandController(CommandMutations commands, RemoteStarts starts, ChargePoints chargePoints, Tokens tokens, LocalAuthLists localLists,
            Reservations reservations, DiagnosticsLocations diagnosticsLocations) {
        this.commands = commands;
        this.starts = starts;
        this.chargePoints = chargePoints;
        this.tokens = tokens;
        this.localLists = localLists;
        this.reservations = reservations;
        this.diagnosticsLocations = diagnosticsLocations;
    }

    /** An accepted remote start leaves a pending session (see {@link RemoteStarts}). */
    @MutationMapping
    CompletionStage<ChargerCommandPayload> remoteStartTransaction(@Argument RemoteStartTransactionInput input) {
        UUID[] known = new UUID[1];
        return commands.send(input.chargePointId(), input.reason(), chargePointId -> {
            String idTag = idTag("idTag", input.idTag());
            tokens.requireUsable("idTag", input.idTag());
            String profile = input.chargingProfileJson() == null ? null : jsonObject("chargingProfileJson", input.chargingProfileJson());
            if (chargePoints.find(chargePointId).isPresent()) {
                // what the charger would refuse is refused here, before anything is sent or logged
                starts.requirePermitted(chargePointId, input.connectorId(), input.idTag());
                known[0] = chargePointId;
            }
            return new Command.RemoteStart(input.connectorId(), idTag, profile);
        }, answer -> {
            if (answer.accepted() && known[0] != null) {
                starts.expect(known[0], input.connectorId(), input.idTag(), null);
            }
        }, sent -> { });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> remoteStopTransaction(@Argument RemoteStopTransactionInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.RemoteStop(input.transactionId()));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> reset(@Argument ResetInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.Reset(Command.ResetType.valueOf(input.type())));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> unlockConnector(@Argument UnlockConnectorInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.UnlockConnector(input.connectorId()));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> changeAvailability(@Argument ChangeAvailabilityInput input) {
        return commands.send(input.chargePointId(), input.reason(),
                id -> new Command.ChangeAvailability(input.connectorId(), Command.Availability.valueOf(input.type())));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> changeConfiguration(@Argument ChangeConfigurationInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.ChangeConfiguration(input.key(), input.value()));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> getConfiguration(@Argument GetConfigurationInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.GetConfiguration(input.keys()));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> clearCache(@Argument ChargePointCommandInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.ClearCache());
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> triggerMessage(@Argument TriggerMessageInput input) {
        return commands.send(input.chargePointId(), input.reason(),
                id -> new Command.TriggerMessage(Command.TriggerableMessage.valueOf(input.requestedMessage()), input.connectorId()));
    }

    /** The reservation is recorded with what the charger answered (see {@link Reservations}). */
    @MutationMapping
    CompletionStage<ChargerCommandPayload> reserveNow(@Argument ReserveNowInput input) {
        Command.ReserveNow[] reserve = new Command.ReserveNow[1];
        return commands.send(input.chargePointId(), input.reason(), chargePointId -> {
            Instant expiry = expiry(chargePointId, input.connectorId(), input.expiryDate());
            if (!expiry.isAfter(Instant.now())) {
                throw new DomainException(ErrorCode.INVALID, "expiryDate", "A reservation expires in the future.");
            }
            int reservationId = input.reservationId() != null ? input.reservationId() : ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
            String idTag = idTag("idTag", input.idTag());
            tokens.requireUsable("idTag", input.idTag());
            if (input.parentIdTag() != null) {
                idTag("parentIdTag", input.parentIdTag());
                tokens.requireUsable("parentIdTag", input.parentIdTag());
            }
            reserve[0] = new Command.ReserveNow(input.connectorId(), expiry, idTag, input.parentIdTag(), reservationId);
            return reserve[0];
        }, answer -> { }, sent -> reservations.record(sent.command(), sent.answer() == null ? null : sent.answer().status(), input.connectorId(),
                reserve[0].reservationId(), input.idTag(), reserve[0].expiry()));
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
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.CancelReservation(input.reservationId()), answer -> { },
                sent -> {
                    if (sent.accepted()) {
                        reservations.cancelled(sent.command().chargePointId(), input.reservationId());
                    }
                });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> sendLocalList(@Argument SendLocalListInput input) {
        UUID[] chargePoint = new UUID[1];
        LocalAuthList[] list = new LocalAuthList[1];
        return commands.send(input.chargePointId(), input.reason(), chargePointId -> {
            chargePoint[0] = chargePointId;
            list[0] = localLists.build(chargePointId, "FULL".equals(input.updateType()));
            return new Command.SendLocalList(list[0]);
        }, answer -> {
            if (answer.accepted()) {
                localLists.accepted(chargePoint[0], list[0]);
            }
        }, sent -> { });
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> getLocalListVersion(@Argument ChargePointCommandInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.GetLocalListVersion());
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> setChargingProfile(@Argument SetChargingProfileInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.SetChargingProfile(input.connectorId(),
                jsonObject("chargingProfileJson", input.chargingProfileJson())));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> clearChargingProfile(@Argument ClearChargingProfileInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.ClearChargingProfile(input.id(), input.connectorId(),
                input.purpose() == null ? null : Command.ChargingProfilePurpose.valueOf(input.purpose()), input.stackLevel()));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> getCompositeSchedule(@Argument GetCompositeScheduleInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.GetCompositeSchedule(input.connectorId(), input.duration(),
                input.chargingRateUnit() == null ? null : Command.ChargingRateUnit.valueOf(input.chargingRateUnit())));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> getDiagnostics(@Argument GetDiagnosticsInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.GetDiagnostics(
                diagnosticsLocations.forRequest("location", input.location()), input.retries(), input.retryInterval(), input.startTime(),
                input.stopTime()));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> updateFirmware(@Argument UpdateFirmwareInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.UpdateFirmware(
                FileLocations.validated("location", input.location()), input.retrieveDate(), input.retries(), input.retryInterval()));
    }

    @MutationMapping
    CompletionStage<ChargerCommandPayload> dataTransfer(@Argument DataTransferInput input) {
        return commands.send(input.chargePointId(), input.reason(), id -> new Command.DataTransfer(input.vendorId(), input.messageId(),
                input.data()));
    }

    /** An id tag as chargers take it: 1 to 20 characters (OCPP 1.6's IdToken; the tightest of the versions). */
    static String idTag(String field, String idTag) {
        if (idTag == null || idTag.isBlank() || idTag.length() > 20) {
            throw new DomainException(ErrorCode.INVALID, field, "An OCPP 1.6 id tag has 1 to 20 characters.");
        }
        return idTag;
    }

    /** The text, checked to be a JSON object (a charging profile the charger will read). */
    private static String jsonObject(String field, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isObject()) {
                throw new DomainException(ErrorCode.INVALID, field, "Expected a JSON object.");
            }
            return text;
        } catch (tools.jackson.core.JacksonException e) {
            throw new DomainException(ErrorCode.INVALID, field, "Not JSON: " + e.getOriginalMessage());
        }
    }
}
