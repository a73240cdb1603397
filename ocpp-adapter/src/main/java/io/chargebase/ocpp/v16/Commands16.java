package io.chargebase.ocpp.v16;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.chargebase.domain.operations.LocalAuthList;
import io.chargebase.domain.operations.command.Answer;
import io.chargebase.domain.operations.command.Command;
import io.chargebase.domain.operations.command.CommandStatus;
import io.chargebase.ocpp.rpc.FrameCodec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The domain's {@link Command commands} as OCPP 1.6 requests, and the charger's answers back as {@link Answer answers}.
 * The one place that knows the 1.6 action, field names and enumeration values of each command. Answers reaching here
 * passed their response schema, so their status is one 1.6 defines.
 */
public final class Commands16 {

    /** A command on the wire: the action of its CALL and its payload. */
    public record Request(Action16 action, ObjectNode payload) {
    }

    private Commands16() {
    }

    public static Request encode(Command<?> command) {
        ObjectNode payload = Messages16.object();
        Action16 action = switch (command) {
            case Command.RemoteStart start -> {
                optional(payload, "connectorId", start.connectorId());
                payload.put("idTag", start.idTag());
                if (start.chargingProfileJson() != null) {
                    payload.set("chargingProfile", json(start.chargingProfileJson()));
                }
                yield Action16.REMOTE_START_TRANSACTION;
            }
            case Command.RemoteStop stop -> {
                payload.put("transactionId", stop.transactionId());
                yield Action16.REMOTE_STOP_TRANSACTION;
            }
            case Command.Reset reset -> {
                payload.put("type", switch (reset.type()) {
                    case SOFT -> "Soft";
                    case HARD -> "Hard";
                });
                yield Action16.RESET;
            }
            case Command.UnlockConnector unlock -> {
                payload.put("connectorId", unlock.connectorId());
                yield Action16.UNLOCK_CONNECTOR;
            }
            case Command.ChangeAvailability change -> {
                payload.put("connectorId", change.connectorId()).put("type", switch (change.availability()) {
                    case OPERATIVE -> "Operative";
                    case INOPERATIVE -> "Inoperative";
                });
                yield Action16.CHANGE_AVAILABILITY;
            }
            case Command.ChangeConfiguration change -> {
                payload.put("key", change.key()).put("value", change.value());
                yield Action16.CHANGE_CONFIGURATION;
            }
            case Command.GetConfiguration get -> {
                if (get.keys() != null) {
                    ArrayNode keys = payload.putArray("key");
                    get.keys().forEach(keys::add);
                }
                yield Action16.GET_CONFIGURATION;
            }
            case Command.ClearCache clear -> Action16.CLEAR_CACHE;
            case Command.TriggerMessage trigger -> {
                payload.put("requestedMessage", switch (trigger.message()) {
                    case BOOT_NOTIFICATION -> "BootNotification";
                    case DIAGNOSTICS_STATUS_NOTIFICATION -> "DiagnosticsStatusNotification";
                    case FIRMWARE_STATUS_NOTIFICATION -> "FirmwareStatusNotification";
                    case HEARTBEAT -> "Heartbeat";
                    case METER_VALUES -> "MeterValues";
                    case STATUS_NOTIFICATION -> "StatusNotification";
                });
                optional(payload, "connectorId", trigger.connectorId());
                yield Action16.TRIGGER_MESSAGE;
            }
            case Command.ReserveNow reserve -> {
                payload.put("connectorId", reserve.connectorId()).put("expiryDate", reserve.expiry().toString())
                        .put("idTag", reserve.idTag()).put("reservationId", reserve.reservationId());
                if (reserve.parentIdTag() != null) {
                    payload.put("parentIdTag", reserve.parentIdTag());
                }
                yield Action16.RESERVE_NOW;
            }
            case Command.CancelReservation cancel -> {
                payload.put("reservationId", cancel.reservationId());
                yield Action16.CANCEL_RESERVATION;
            }
            case Command.SendLocalList send -> {
                localList(payload, send.list());
                yield Action16.SEND_LOCAL_LIST;
            }
            case Command.GetLocalListVersion get -> Action16.GET_LOCAL_LIST_VERSION;
            case Command.SetChargingProfile set -> {
                payload.put("connectorId", set.connectorId()).set("csChargingProfiles", json(set.chargingProfileJson()));
                yield Action16.SET_CHARGING_PROFILE;
            }
            case Command.ClearChargingProfile clear -> {
                optional(payload, "id", clear.profileId());
                optional(payload, "connectorId", clear.connectorId());
                if (clear.purpose() != null) {
                    payload.put("chargingProfilePurpose", switch (clear.purpose()) {
                        case CHARGE_POINT_MAX_PROFILE -> "ChargePointMaxProfile";
                        case TX_DEFAULT_PROFILE -> "TxDefaultProfile";
                        case TX_PROFILE -> "TxProfile";
                    });
                }
                optional(payload, "stackLevel", clear.stackLevel());
                yield Action16.CLEAR_CHARGING_PROFILE;
            }
            case Command.GetCompositeSchedule get -> {
                payload.put("connectorId", get.connectorId()).put("duration", get.durationSeconds());
                if (get.unit() != null) {
                    payload.put("chargingRateUnit", switch (get.unit()) {
                        case W -> "W";
                        case A -> "A";
                    });
                }
                yield Action16.GET_COMPOSITE_SCHEDULE;
            }
            case Command.GetDiagnostics get -> {
                payload.put("location", get.location());
                optional(payload, "retries", get.retries());
                optional(payload, "retryInterval", get.retryIntervalSeconds());
                optional(payload, "startTime", get.startTime());
                optional(payload, "stopTime", get.stopTime());
                yield Action16.GET_DIAGNOSTICS;
            }
            case Command.UpdateFirmware update -> {
                payload.put("location", update.location()).put("retrieveDate", update.retrieveDate().toString());
                optional(payload, "retries", update.retries());
                optional(payload, "retryInterval", update.retryIntervalSeconds());
                yield Action16.UPDATE_FIRMWARE;
            }
            case Command.DataTransfer transfer -> {
                payload.put("vendorId", transfer.vendorId());
                if (transfer.messageId() != null) {
                    payload.put("messageId", transfer.messageId());
                }
                if (transfer.data() != null) {
                    payload.put("data", transfer.data());
                }
                yield Action16.DATA_TRANSFER;
            }
        };
        return new Request(action, payload);
    }

    /** The charger's answer (a {@code .conf} payload) to {@code command}, as the domain's answer. */
    @SuppressWarnings("unchecked")
    public static <A extends Answer> A decode(Command<A> command, JsonNode response) {
        Answer answer = switch (command) {
            case Command.GetConfiguration get -> configuration(response);
            case Command.GetLocalListVersion get -> new Answer.LocalListVersion(response.path("listVersion").asInt());
            case Command.GetDiagnostics get -> new Answer.DiagnosticsFile(Messages16.optionalText(response, "fileName"));
            case Command.UpdateFirmware update -> new Answer.Received();
            case Command.DataTransfer transfer -> new Answer.DataTransferReply(status(response), Messages16.optionalText(response, "data"));
            default -> new Answer.Acknowledged(status(response));
        };
        return (A) answer;
    }

    /** The status field of an answer as the charger wrote it (the actions log keeps it so); null when it has none. */
    public static String statusText(JsonNode response) {
        return response.path("status").asString(null);
    }

    private static CommandStatus status(JsonNode response) {
        String status = statusText(response);
        return switch (status == null ? "" : status) {
            case "Accepted" -> CommandStatus.ACCEPTED;
            case "Rejected" -> CommandStatus.REJECTED;
            case "Scheduled" -> CommandStatus.SCHEDULED;
            case "RebootRequired" -> CommandStatus.REBOOT_REQUIRED;
            case "NotSupported" -> CommandStatus.NOT_SUPPORTED;
            case "NotImplemented" -> CommandStatus.NOT_IMPLEMENTED;
            case "Unlocked" -> CommandStatus.UNLOCKED;
            case "UnlockFailed" -> CommandStatus.UNLOCK_FAILED;
            case "Faulted" -> CommandStatus.FAULTED;
            case "Occupied" -> CommandStatus.OCCUPIED;
            case "Unavailable" -> CommandStatus.UNAVAILABLE;
            case "Failed" -> CommandStatus.FAILED;
            case "VersionMismatch" -> CommandStatus.VERSION_MISMATCH;
            case "Unknown" -> CommandStatus.UNKNOWN;
            case "UnknownMessageId" -> CommandStatus.UNKNOWN_MESSAGE_ID;
            case "UnknownVendorId" -> CommandStatus.UNKNOWN_VENDOR_ID;
            default -> throw new IllegalArgumentException("Not an OCPP 1.6 command status: " + status);
        };
    }

    private static Answer.Configuration configuration(JsonNode response) {
        List<Answer.Configuration.Key> keys = new ArrayList<>();
        for (JsonNode key : response.path("configurationKey")) {
            keys.add(new Answer.Configuration.Key(key.path("key").asString(), key.path("readonly").asBoolean(false),
                    Messages16.optionalText(key, "value")));
        }
        List<String> unknown = new ArrayList<>();
        response.path("unknownKey").forEach(key -> unknown.add(key.asString()));
        return new Answer.Configuration(keys, unknown);
    }

    private static void localList(ObjectNode payload, LocalAuthList list) {
        payload.put("listVersion", list.version()).put("updateType", list.full() ? "Full" : "Differential");
        ArrayNode entries = payload.putArray("localAuthorizationList");
        for (LocalAuthList.Entry entry : list.entries()) {
            ObjectNode info = entries.addObject().put("idTag", entry.idTag()).putObject("idTagInfo").put("status", switch (entry.status()) {
                case ACCEPTED -> "Accepted";
                case BLOCKED -> "Blocked";
                case EXPIRED -> "Expired";
            });
            if (entry.expiry() != null) {
                info.put("expiryDate", entry.expiry().toString());
            }
        }
    }

    private static void optional(ObjectNode payload, String field, Integer value) {
        if (value != null) {
            payload.put(field, value);
        }
    }

    private static void optional(ObjectNode payload, String field, Instant value) {
        if (value != null) {
            payload.put(field, value.toString());
        }
    }

    /** A charging profile as the operator wrote it; the GraphQL layer checked it is a JSON object. */
    private static JsonNode json(String text) {
        try {
            return FrameCodec.mapper().readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("A charging profile is a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
