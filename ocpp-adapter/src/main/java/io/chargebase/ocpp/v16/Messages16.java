package io.chargebase.ocpp.v16;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.chargebase.domain.charging.ChargerEvents;
import io.chargebase.domain.charging.Measurand;
import io.chargebase.domain.charging.StopReason;
import io.chargebase.ocpp.rpc.CallErrorException;
import io.chargebase.ocpp.rpc.RpcErrorCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OCPP 1.6 payloads to the domain's records and back. Requests reaching here passed their schema, so required
 * fields are present and typed; what a schema cannot say (a sampled value that is not a number, a date-time the
 * format check let through) is answered with the CALLERROR its kind deserves.
 */
final class Messages16 {

    /** Defaults of SampledValue (OCPP 1.6 §7.43) for the fields a charger leaves out. */
    static final String DEFAULT_MEASURAND = "Energy.Active.Import.Register";
    static final String DEFAULT_UNIT = "Wh";
    static final String DEFAULT_CONTEXT = "Sample.Periodic";
    static final String DEFAULT_LOCATION = "Outlet";

    private Messages16() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** An ISO 8601 UTC date-time with milliseconds at most (many chargers choke on nanoseconds). */
    static String dateTime(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    static Instant instant(JsonNode node, String field) {
        String text = node.path(field).asString("");
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException offsetMissing) {
            try {
                // a date-time without offset: OCPP-J asks for UTC, so read it as UTC rather than refuse it
                return java.time.LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new CallErrorException(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, field + " is not a date-time: " + text);
            }
        }
    }

    static Instant optionalInstant(JsonNode node, String field) {
        return node.hasNonNull(field) ? instant(node, field) : null;
    }

    static String optionalText(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asString() : null;
    }

    static ChargerEvents.BootInfo bootInfo(JsonNode request) {
        return new ChargerEvents.BootInfo(request.path("chargePointVendor").asString(), request.path("chargePointModel").asString(),
                optionalText(request, "chargePointSerialNumber"), optionalText(request, "chargeBoxSerialNumber"),
                optionalText(request, "firmwareVersion"), optionalText(request, "iccid"), optionalText(request, "imsi"),
                optionalText(request, "meterType"), optionalText(request, "meterSerialNumber"));
    }

    static ObjectNode bootAnswer(ChargerEvents.Boot boot) {
        ObjectNode answer = object();
        answer.put("status", switch (boot.status()) {
            case ACCEPTED -> "Accepted";
            case PENDING -> "Pending";
            case REJECTED -> "Rejected";
        });
        answer.put("currentTime", dateTime(boot.currentTime()));
        answer.put("interval", (int) Math.min(Integer.MAX_VALUE, boot.interval().toSeconds()));
        return answer;
    }

    static ChargerEvents.ConnectorStatus connectorStatus(JsonNode request) {
        String status = request.path("status").asString();
        return new ChargerEvents.ConnectorStatus(request.path("connectorId").asInt(), connectorUse(status), status,
                request.path("errorCode").asString(), optionalText(request, "info"), optionalInstant(request, "timestamp"),
                optionalText(request, "vendorId"), optionalText(request, "vendorErrorCode"));
    }

    /** ChargePointStatus (OCPP 1.6 §7.7) in the domain's words. */
    static ChargerEvents.ConnectorUse connectorUse(String status) {
        return switch (status) {
            case "Available" -> ChargerEvents.ConnectorUse.AVAILABLE;
            case "Preparing" -> ChargerEvents.ConnectorUse.PREPARING;
            case "Charging" -> ChargerEvents.ConnectorUse.CHARGING;
            case "SuspendedEV" -> ChargerEvents.ConnectorUse.SUSPENDED_EV;
            case "SuspendedEVSE" -> ChargerEvents.ConnectorUse.SUSPENDED_EVSE;
            case "Finishing" -> ChargerEvents.ConnectorUse.FINISHING;
            case "Reserved" -> ChargerEvents.ConnectorUse.RESERVED;
            case "Unavailable" -> ChargerEvents.ConnectorUse.UNAVAILABLE;
            case "Faulted" -> ChargerEvents.ConnectorUse.FAULTED;
            default -> ChargerEvents.ConnectorUse.UNKNOWN;
        };
    }

    static ObjectNode idTagInfo(ChargerEvents.IdTagInfo info) {
        ObjectNode node = object();
        node.put("status", switch (info.status()) {
            case ACCEPTED -> "Accepted";
            case BLOCKED -> "Blocked";
            case EXPIRED -> "Expired";
            case INVALID -> "Invalid";
            case CONCURRENT_TX -> "ConcurrentTx";
        });
        if (info.expiryDate() != null) {
            node.put("expiryDate", dateTime(info.expiryDate()));
        }
        if (info.parentIdTag() != null) {
            node.put("parentIdTag", info.parentIdTag());
        }
        return node;
    }

    static ChargerEvents.TransactionStart transactionStart(JsonNode request) {
        return new ChargerEvents.TransactionStart(request.path("connectorId").asInt(), request.path("idTag").asString(),
                request.path("meterStart").asLong(), instant(request, "timestamp"),
                request.hasNonNull("reservationId") ? request.get("reservationId").asInt() : null);
    }

    static ObjectNode startAnswer(ChargerEvents.Started started) {
        ObjectNode answer = object();
        answer.put("transactionId", started.transactionId());
        answer.set("idTagInfo", idTagInfo(started.idTagInfo()));
        return answer;
    }

    static ChargerEvents.TransactionStop transactionStop(JsonNode request) {
        return new ChargerEvents.TransactionStop(request.path("transactionId").asInt(), optionalText(request, "idTag"),
                request.path("meterStop").asLong(), instant(request, "timestamp"), stopReason(optionalText(request, "reason")),
                samples(request.path("transactionData")));
    }

    /**
     * The sampled values of MeterValue elements, each with its element's timestamp and 1.6's defaults filled in.
     * Signed values carry no number the platform can read, so they are left out; a raw value that is not a decimal
     * is refused with PropertyConstraintViolation.
     */
    static List<ChargerEvents.MeterSample> samples(JsonNode meterValues) {
        List<ChargerEvents.MeterSample> samples = new ArrayList<>();
        for (JsonNode meterValue : meterValues) {
            Instant timestamp = instant(meterValue, "timestamp");
            for (JsonNode sampled : meterValue.path("sampledValue")) {
                if ("SignedData".equals(optionalText(sampled, "format"))) {
                    continue;
                }
                samples.add(new ChargerEvents.MeterSample(timestamp, measurand(textOr(sampled, "measurand", DEFAULT_MEASURAND)),
                        optionalText(sampled, "phase"), textOr(sampled, "unit", DEFAULT_UNIT), decimal(sampled.path("value").asString("")),
                        textOr(sampled, "context", DEFAULT_CONTEXT), textOr(sampled, "location", DEFAULT_LOCATION)));
            }
        }
        return samples;
    }

    /** Reason (OCPP 1.6 §7.42) in the domain's words; null when the charger gave none. */
    static StopReason stopReason(String reason) {
        return reason == null ? null : switch (reason) {
            case "DeAuthorized" -> StopReason.DE_AUTHORIZED;
            case "EmergencyStop" -> StopReason.EMERGENCY_STOP;
            case "EVDisconnected" -> StopReason.EV_DISCONNECTED;
            case "HardReset" -> StopReason.HARD_RESET;
            case "Local" -> StopReason.LOCAL;
            case "Other" -> StopReason.OTHER;
            case "PowerLoss" -> StopReason.POWER_LOSS;
            case "Reboot" -> StopReason.REBOOT;
            case "Remote" -> StopReason.REMOTE;
            case "SoftReset" -> StopReason.SOFT_RESET;
            case "UnlockCommand" -> StopReason.UNLOCK_COMMAND;
            default -> throw new CallErrorException(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "Unknown stop reason '" + shorten(reason) + "'");
        };
    }

    /** Measurand (OCPP 1.6 §7.31) in the domain's words; the schema admits no other name. */
    static Measurand measurand(String name) {
        return switch (name) {
            case "Current.Export" -> Measurand.CURRENT_EXPORT;
            case "Current.Import" -> Measurand.CURRENT_IMPORT;
            case "Current.Offered" -> Measurand.CURRENT_OFFERED;
            case "Energy.Active.Export.Register" -> Measurand.ENERGY_ACTIVE_EXPORT_REGISTER;
            case "Energy.Active.Import.Register" -> Measurand.ENERGY_ACTIVE_IMPORT_REGISTER;
            case "Energy.Reactive.Export.Register" -> Measurand.ENERGY_REACTIVE_EXPORT_REGISTER;
            case "Energy.Reactive.Import.Register" -> Measurand.ENERGY_REACTIVE_IMPORT_REGISTER;
            case "Energy.Active.Export.Interval" -> Measurand.ENERGY_ACTIVE_EXPORT_INTERVAL;
            case "Energy.Active.Import.Interval" -> Measurand.ENERGY_ACTIVE_IMPORT_INTERVAL;
            case "Energy.Reactive.Export.Interval" -> Measurand.ENERGY_REACTIVE_EXPORT_INTERVAL;
            case "Energy.Reactive.Import.Interval" -> Measurand.ENERGY_REACTIVE_IMPORT_INTERVAL;
            case "Frequency" -> Measurand.FREQUENCY;
            case "Power.Active.Export" -> Measurand.POWER_ACTIVE_EXPORT;
            case "Power.Active.Import" -> Measurand.POWER_ACTIVE_IMPORT;
            case "Power.Factor" -> Measurand.POWER_FACTOR;
            case "Power.Offered" -> Measurand.POWER_OFFERED;
            case "Power.Reactive.Export" -> Measurand.POWER_REACTIVE_EXPORT;
            case "Power.Reactive.Import" -> Measurand.POWER_REACTIVE_IMPORT;
            case "RPM" -> Measurand.RPM;
            case "SoC" -> Measurand.SOC;
            case "Temperature" -> Measurand.TEMPERATURE;
            case "Voltage" -> Measurand.VOLTAGE;
            default -> throw new CallErrorException(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "Unknown measurand '" + shorten(name) + "'");
        };
    }

    static ObjectNode dataTransferAnswer(ChargerEvents.DataTransferAnswer answer) {
        ObjectNode node = object();
        node.put("status", switch (answer.status()) {
            case ACCEPTED -> "Accepted";
            case REJECTED -> "Rejected";
            case UNKNOWN_MESSAGE_ID -> "UnknownMessageId";
            case UNKNOWN_VENDOR_ID -> "UnknownVendorId";
        });
        if (answer.data() != null) {
            node.put("data", answer.data());
        }
        return node;
    }

    private static String textOr(JsonNode node, String field, String fallback) {
        String text = optionalText(node, field);
        return text == null ? fallback : text;
    }

    private static BigDecimal decimal(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 40) {
            throw new CallErrorException(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "Sampled value '" + shorten(value) + "' is not a decimal");
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new CallErrorException(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "Sampled value '" + shorten(value) + "' is not a decimal");
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
