package io.chargebase.ocpp.v16;

import static io.chargebase.ocpp.v16.Initiator.CENTRAL_SYSTEM;
import static io.chargebase.ocpp.v16.Initiator.CHARGE_POINT;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The 28 OCPP 1.6 actions, by the name they carry in a CALL, and the side that may start each. */
public enum Action16 {
    AUTHORIZE("Authorize", CHARGE_POINT),
    BOOT_NOTIFICATION("BootNotification", CHARGE_POINT),
    CANCEL_RESERVATION("CancelReservation", CENTRAL_SYSTEM),
    CHANGE_AVAILABILITY("ChangeAvailability", CENTRAL_SYSTEM),
    CHANGE_CONFIGURATION("ChangeConfiguration", CENTRAL_SYSTEM),
    CLEAR_CACHE("ClearCache", CENTRAL_SYSTEM),
    CLEAR_CHARGING_PROFILE("ClearChargingProfile", CENTRAL_SYSTEM),
    DATA_TRANSFER("DataTransfer", CHARGE_POINT, CENTRAL_SYSTEM),
    DIAGNOSTICS_STATUS_NOTIFICATION("DiagnosticsStatusNotification", CHARGE_POINT),
    FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification", CHARGE_POINT),
    GET_COMPOSITE_SCHEDULE("GetCompositeSchedule", CENTRAL_SYSTEM),
    GET_CONFIGURATION("GetConfiguration", CENTRAL_SYSTEM),
    GET_DIAGNOSTICS("GetDiagnostics", CENTRAL_SYSTEM),
    GET_LOCAL_LIST_VERSION("GetLocalListVersion", CENTRAL_SYSTEM),
    HEARTBEAT("Heartbeat", CHARGE_POINT),
    METER_VALUES("MeterValues", CHARGE_POINT),
    REMOTE_START_TRANSACTION("RemoteStartTransaction", CENTRAL_SYSTEM),
    REMOTE_STOP_TRANSACTION("RemoteStopTransaction", CENTRAL_SYSTEM),
    RESERVE_NOW("ReserveNow", CENTRAL_SYSTEM),
    RESET("Reset", CENTRAL_SYSTEM),
    SEND_LOCAL_LIST("SendLocalList", CENTRAL_SYSTEM),
    SET_CHARGING_PROFILE("SetChargingProfile", CENTRAL_SYSTEM),
    START_TRANSACTION("StartTransaction", CHARGE_POINT),
    STATUS_NOTIFICATION("StatusNotification", CHARGE_POINT),
    STOP_TRANSACTION("StopTransaction", CHARGE_POINT),
    TRIGGER_MESSAGE("TriggerMessage", CENTRAL_SYSTEM),
    UNLOCK_CONNECTOR("UnlockConnector", CENTRAL_SYSTEM),
    UPDATE_FIRMWARE("UpdateFirmware", CENTRAL_SYSTEM);

    private static final Map<String, Action16> BY_NAME =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(Action16::actionName, Function.identity()));

    private final String actionName;
    private final Set<Initiator> initiators;

    Action16(String actionName, Initiator first, Initiator... more) {
        this.actionName = actionName;
        this.initiators = Set.copyOf(EnumSet.of(first, more));
    }

    /** The case-sensitive name in a CALL (OCPP-J 1.6 §4.2.1). */
    public String actionName() {
        return actionName;
    }

    public Set<Initiator> initiators() {
        return initiators;
    }

    public boolean canBeSentBy(Initiator initiator) {
        return initiators.contains(initiator);
    }

    /** The OCA schema file for the request, e.g. {@code BootNotification.json}. */
    public String requestSchemaFile() {
        return actionName + ".json";
    }

    /** The OCA schema file for the response, e.g. {@code BootNotificationResponse.json}. */
    public String responseSchemaFile() {
        return actionName + "Response.json";
    }

    public static Optional<Action16> fromName(String actionName) {
        return Optional.ofNullable(BY_NAME.get(actionName));
    }
}
