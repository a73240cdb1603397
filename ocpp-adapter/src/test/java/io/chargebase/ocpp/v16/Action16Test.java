package io.chargebase.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Action16Test {

    @Test
    void hasThe28ActionsOfOcpp16() {
        assertThat(Action16.values()).hasSize(28);
    }

    @Test
    void chargePointsStartTheirTenActionsAndDataTransfer() {
        assertThat(namesSentBy(Initiator.CHARGE_POINT)).containsExactlyInAnyOrder(
                "Authorize", "BootNotification", "DataTransfer", "DiagnosticsStatusNotification",
                "FirmwareStatusNotification", "Heartbeat", "MeterValues", "StartTransaction", "StatusNotification",
                "StopTransaction");
    }

    @Test
    void theCentralSystemStartsItsNineteenActions() {
        assertThat(namesSentBy(Initiator.CENTRAL_SYSTEM)).containsExactlyInAnyOrder(
                "CancelReservation", "ChangeAvailability", "ChangeConfiguration", "ClearCache", "ClearChargingProfile",
                "DataTransfer", "GetCompositeSchedule", "GetConfiguration", "GetDiagnostics", "GetLocalListVersion",
                "RemoteStartTransaction", "RemoteStopTransaction", "ReserveNow", "Reset", "SendLocalList",
                "SetChargingProfile", "TriggerMessage", "UnlockConnector", "UpdateFirmware");
    }

    @Test
    void isFoundByItsCaseSensitiveName() {
        assertThat(Action16.fromName("StartTransaction")).contains(Action16.START_TRANSACTION);
        assertThat(Action16.fromName("startTransaction")).isEmpty();
        assertThat(Action16.fromName("GetVariables")).isEmpty();
    }

    @Test
    void namesItsSchemaFiles() {
        assertThat(Action16.BOOT_NOTIFICATION.requestSchemaFile()).isEqualTo("BootNotification.json");
        assertThat(Action16.BOOT_NOTIFICATION.responseSchemaFile()).isEqualTo("BootNotificationResponse.json");
    }

    private static List<String> namesSentBy(Initiator initiator) {
        return Arrays.stream(Action16.values()).filter(a -> a.canBeSentBy(initiator)).map(Action16::actionName).toList();
    }
}
